package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.sidecar.support.Clients;
import dev.learnflow.local.sidecar.support.TestApp;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.client.domain.HttpExtension;
import io.dapr.config.Properties;
import io.dapr.exceptions.DaprException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Service invocation through two sidecars, with the repository's real dapr/config.yaml access control enforced by
 * the callee's sidecar: by {@code dapr-app-id} header (what our services do), by {@code /v1.0/invoke/...}, and by
 * the SDK's invokeMethod. Also the app API token and the sidecar API token.
 */
class InvocationConformanceTest {

    static final Path CONFIG = Path.of("../../dapr/config.yaml");
    static SidecarRegistry registry;
    static TestApp execApp;
    static TestApp progressApp;
    static Sidecar gateway;
    static Sidecar exercise;
    static Sidecar triage;
    static Sidecar websocket;
    static Sidecar guarded;

    @BeforeAll
    static void start() throws Exception {
        registry = new SidecarRegistry();
        TestApp.Handler echo = r -> {
            if (r.path().endsWith("/slow")) {
                Thread.sleep(2_500);
            }
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("method", r.method());
            out.put("path", r.path());
            out.put("query", r.query());
            out.put("body", r.bodyText());
            out.put("caller", r.header("dapr-caller-app-id"));
            out.put("callee", r.header("dapr-callee-app-id"));
            out.put("custom", r.header("x-custom"));
            out.put("token", r.header("dapr-api-token"));
            out.put("connection", r.header("proxy-connection"));
            out.put("traceparent", r.header("traceparent"));
            return new TestApp.Response(201, "application/json", Json.bytes(out), Map.of("X-Reply", "yes"));
        };
        execApp = new TestApp().route("/*", echo);
        progressApp = new TestApp().route("/*", echo);
        gateway = start("gateway", -1, null);
        exercise = start("exercise", -1, null);
        triage = start("triage", -1, null);
        websocket = start("websocket", -1, null);
        start("code-execution", execApp.port(), "app-secret");
        start("progress", progressApp.port(), null);
        guarded = Sidecar.start(SidecarOptions.builder("guarded").daprHttpPort(0).daprGrpcPort(0).registry(registry)
                .configFile(CONFIG).env(Map.of("DAPR_API_TOKEN", "s3cret")).build());
    }

    static Sidecar start(String appId, int appPort, String appToken) throws Exception {
        Sidecar s = Sidecar.start(SidecarOptions.builder(appId).appPort(appPort).daprHttpPort(0).daprGrpcPort(0)
                .registry(registry).configFile(CONFIG).appApiToken(appToken).env(Map.of())
                .invokeTimeout(Duration.ofSeconds(1)).build());
        s.appReady().get();
        return s;
    }

    @AfterAll
    static void stop() {
        registry.close();
        execApp.close();
        progressApp.close();
    }

    static JsonNode body(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void invokesByDaprAppIdHeaderPreservingTheRequestAndTheReply() throws Exception {
        HttpResponse<String> r = Clients.http(gateway, "PUT", "/api/things/7?x=1&y=two", "{\"a\":1}",
                "dapr-app-id", "code-execution", "Content-Type", "application/json", "X-Custom", "kept",
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("X-Reply")).contains("yes");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode b = body(r);
        assertThat(b.path("method").asText()).isEqualTo("PUT");
        assertThat(b.path("path").asText()).isEqualTo("/api/things/7");
        assertThat(b.path("query").asText()).isEqualTo("x=1&y=two");
        assertThat(b.path("body").asText()).isEqualTo("{\"a\":1}");
        assertThat(b.path("caller").asText()).isEqualTo("gateway");
        assertThat(b.path("callee").asText()).isEqualTo("code-execution");
        assertThat(b.path("custom").asText()).isEqualTo("kept");
        // The callee's app API token is added by its sidecar on every call.
        assertThat(b.path("token").asText()).isEqualTo("app-secret");
        // Same trace, new span.
        assertThat(b.path("traceparent").asText()).startsWith("00-0af7651916cd43dd8448eb211c80319c-")
                .doesNotContain("b7ad6b7169203331");
    }

    @Test
    void invokesByV1InvokePathAndBySdk() throws Exception {
        HttpResponse<String> r = Clients.http(gateway, "GET", "/v1.0/invoke/progress/method/internal/students/42?full=true", null);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(body(r).path("path").asText()).isEqualTo("/internal/students/42");
        assertThat(body(r).path("query").asText()).isEqualTo("full=true");
        assertThat(body(r).path("token").isNull()).isTrue();

        try (DaprClient client = Clients.dapr(gateway)) {
            byte[] out = client.invokeMethod("code-execution", "api/echo", "hi".getBytes(StandardCharsets.UTF_8),
                    HttpExtension.POST, byte[].class).block();
            JsonNode b = Json.parse(out);
            assertThat(b.path("method").asText()).isEqualTo("POST");
            assertThat(b.path("path").asText()).isEqualTo("/api/echo");
            assertThat(b.path("caller").asText()).isEqualTo("gateway");
        }
    }

    @Test
    void accessControlFollowsTheRepositoryPolicies() throws Exception {
        // exercise → code-execution: POST /internal/runs/** only.
        assertThat(Clients.http(exercise, "POST", "/internal/runs/abc", "{}", "dapr-app-id", "code-execution")
                .statusCode()).isEqualTo(201);
        assertThat(Clients.http(exercise, "POST", "/internal/runs", "{}", "dapr-app-id", "code-execution")
                .statusCode()).isEqualTo(201); // "**" also matches the bare prefix, as in daprd
        assertThat(Clients.http(exercise, "POST", "/INTERNAL/Runs/x", "{}", "dapr-app-id", "code-execution")
                .statusCode()).isEqualTo(201); // HTTP operations match case-insensitively
        HttpResponse<String> wrongVerb = Clients.http(exercise, "GET", "/internal/runs/abc", null,
                "dapr-app-id", "code-execution");
        assertThat(wrongVerb.statusCode()).isEqualTo(403);
        assertThat(body(wrongVerb).path("errorCode").asText()).isEqualTo("ERR_DIRECT_INVOKE");
        assertThat(body(wrongVerb).path("message").asText()).contains("PermissionDenied")
                .endsWith("rpc error: code = PermissionDenied desc = access control policy has denied access to id: "
                        + "spiffe://public/ns/default/exercise operation: internal/runs/abc verb: GET");
        assertThat(Clients.http(exercise, "POST", "/internal/other", "{}", "dapr-app-id", "code-execution")
                .statusCode()).isEqualTo(403);
        // Path tricks are normalised before matching.
        assertThat(Clients.http(exercise, "POST", "/v1.0/invoke/code-execution/method/internal/runs/../admin", "{}")
                .statusCode()).isEqualTo(403);
        // triage → progress: GET /internal/students/** only.
        assertThat(Clients.http(triage, "GET", "/v1.0/invoke/progress/method/internal/students/1/summary", null)
                .statusCode()).isEqualTo(201);
        assertThat(Clients.http(triage, "POST", "/internal/students/1", "{}", "dapr-app-id", "progress")
                .statusCode()).isEqualTo(403);
        assertThat(Clients.http(triage, "POST", "/internal/runs/1", "{}", "dapr-app-id", "code-execution")
                .statusCode()).isEqualTo(403);
        // No policy for websocket: the global default action (deny).
        assertThat(Clients.http(websocket, "GET", "/anything", null, "dapr-app-id", "progress").statusCode())
                .isEqualTo(403);
        // gateway: default allow, any verb and path.
        assertThat(Clients.http(gateway, "DELETE", "/admin/x", null, "dapr-app-id", "progress").statusCode())
                .isEqualTo(201);
    }

    @Test
    void anAppInvokingItselfSkipsAccessControlAsDaprdDoes() throws Exception {
        // dapr/config.yaml has no policy for code-execution as a caller (default deny), yet daprd hands a
        // self-call straight to its own app.
        HttpResponse<String> self = Clients.http(registry.lookup("code-execution"), "GET",
                "/internal/anything", null, "dapr-app-id", "code-execution");
        assertThat(self.statusCode()).isEqualTo(201);
        assertThat(body(self).path("caller").asText()).isEqualTo("code-execution");
        // The same call from another app is still denied.
        assertThat(Clients.http(triage, "GET", "/internal/anything", null, "dapr-app-id", "code-execution")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aDeniedGrpcInvocationIsWrappedAsInternalAsDaprdDoes() {
        io.grpc.ManagedChannel channel = Clients.grpc(exercise);
        try {
            var stub = io.dapr.v1.DaprGrpc.newBlockingStub(channel);
            var request = io.dapr.v1.DaprProtos.InvokeServiceRequest.newBuilder().setId("code-execution")
                    .setMessage(io.dapr.v1.CommonProtos.InvokeRequest.newBuilder().setMethod("internal/other")
                            .setHttpExtension(io.dapr.v1.CommonProtos.HTTPExtension.newBuilder()
                                    .setVerb(io.dapr.v1.CommonProtos.HTTPExtension.Verb.POST)))
                    .build();
            assertThatThrownBy(() -> stub.invokeService(request))
                    .isInstanceOfSatisfying(io.grpc.StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INTERNAL);
                        assertThat(e.getStatus().getDescription()).startsWith("failed to invoke, id: code-execution, "
                                + "err: rpc error: code = PermissionDenied desc = ");
                    });
            // Allowed operations still answer over gRPC.
            var allowed = request.toBuilder().setMessage(request.getMessage().toBuilder().setMethod("internal/runs/x"))
                    .build();
            assertThat(stub.invokeService(allowed).getData().getValue().toStringUtf8()).contains("/internal/runs/x");
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void unknownAppsAndTimeoutsAreDaprErrors() throws Exception {
        HttpResponse<String> r = Clients.http(gateway, "GET", "/x", null, "dapr-app-id", "nobody");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(body(r).path("errorCode").asText()).isEqualTo("ERR_DIRECT_INVOKE");
        assertThat(body(r).path("message").asText()).contains("nobody");
        HttpResponse<String> slow = Clients.http(gateway, "GET", "/slow", null, "dapr-app-id", "code-execution");
        assertThat(slow.statusCode()).isEqualTo(500);
        assertThat(body(slow).path("errorCode").asText()).isEqualTo("ERR_DIRECT_INVOKE");
    }

    @Test
    void sidecarApiTokenIsRequiredExceptForHealth() throws Exception {
        assertThat(Clients.http(guarded, "GET", "/v1.0/metadata", null).statusCode()).isEqualTo(401);
        assertThat(Clients.http(guarded, "GET", "/v1.0/metadata", null, "dapr-api-token", "wrong").statusCode())
                .isEqualTo(401);
        assertThat(Clients.http(guarded, "GET", "/v1.0/metadata", null, "dapr-api-token", "s3cret").statusCode())
                .isEqualTo(200);
        assertThat(Clients.http(guarded, "GET", "/v1.0/healthz", null).statusCode()).isEqualTo(204);
        assertThat(Clients.http(guarded, "GET", "/v1.0/healthz/outbound", null).statusCode()).isEqualTo(204);
        assertThat(Clients.http(guarded, "GET", "/x", null, "dapr-app-id", "progress").statusCode()).isEqualTo(401);

        try (DaprClient good = new DaprClientBuilder()
                .withPropertyOverride(Properties.GRPC_PORT, Integer.toString(guarded.grpcPort()))
                .withPropertyOverride(Properties.HTTP_PORT, Integer.toString(guarded.httpPort()))
                .withPropertyOverride(Properties.API_TOKEN, "s3cret").build();
             DaprClient bad = Clients.dapr(guarded)) {
            assertThat(good.getMetadata().block().getId()).isEqualTo("guarded");
            assertThatThrownBy(() -> bad.getMetadata().block()).isInstanceOf(DaprException.class)
                    .hasMessageContaining("UNAUTHENTICATED");
        }
    }
}
