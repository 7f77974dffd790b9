package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.sidecar.support.Clients;
import dev.learnflow.local.sidecar.support.Fixtures;
import dev.learnflow.local.sidecar.support.SidecarScope;
import dev.learnflow.local.sidecar.support.TestApp;
import io.dapr.actors.ActorId;
import io.dapr.actors.client.ActorClient;
import io.dapr.actors.client.ActorProxy;
import io.dapr.actors.client.ActorProxyBuilder;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.HttpExtension;
import io.dapr.client.domain.State;
import io.dapr.client.domain.StateOptions;
import io.dapr.exceptions.DaprException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Resiliency conformance, driven by the Dapr Java SDK 1.16.1 (and the raw gRPC/HTTP APIs where the SDK hides the
 * answer): each policy kind — timeout, constant and exponential retries with {@code matching}, circuit breakers
 * (open, half-open, closed again) — on each target kind daprd has: apps (service invocation, per endpoint),
 * components (state store and pub/sub, outbound and inbound) and actors (per actor id or per type). Attempts are
 * counted where they land (the app's requests, a breaker that opens after exactly N failures); daprd's answers
 * (codes and messages) are checked as daprd 1.16's pkg/resiliency and API layers produce them. The last test
 * loads the repository's dapr/resiliency.yaml, the one the local mesh uses.
 */
class ResiliencyConformanceTest {

    private final SidecarScope scope = new SidecarScope();

    @AfterEach
    void tearDown() throws Exception {
        scope.close();
    }

    /** A Resiliency document with these policies and targets (YAML bodies, indented by 4). */
    private static Path resiliency(String policies, String targets) throws Exception {
        Path dir = Files.createTempDirectory("resiliency");
        Path file = dir.resolve("resiliency.yaml");
        Files.writeString(file, "apiVersion: dapr.io/v1alpha1\nkind: Resiliency\nmetadata:\n  name: test\nspec:\n"
                + "  policies:\n" + policies + "  targets:\n" + targets);
        return file;
    }

    /** Policies: retry "once" (constant 10 ms, one retry) and a breaker opening on {@code trip} for 60 s. */
    private static String onceAndBreaker(String breaker, String trip) {
        return "    retries:\n      once:\n        policy: constant\n        duration: 10ms\n        maxRetries: 1\n"
                + "    circuitBreakers:\n      " + breaker + ":\n        maxRequests: 1\n        timeout: 60s\n"
                + "        trip: " + trip + "\n";
    }

    /** Policies: timeout "brief" (300 ms) and retry "twice" (constant {@code wait}, two retries). */
    private static String briefAndTwice(String wait) {
        return "    timeouts:\n      brief: 300ms\n    retries:\n      twice:\n        policy: constant\n"
                + "        duration: " + wait + "\n        maxRetries: 2\n";
    }

    /** A resources directory with one state.postgresql component on its own table. */
    private static Path postgresStore(String name, String table) throws Exception {
        return Fixtures.components(Files.createTempDirectory("res-" + name), name + ".yaml",
                Fixtures.postgresState(name, table, false));
    }

    private Sidecar sidecar(String appId, TestApp app, Path components, Path resiliency) throws Exception {
        return scope.sidecar(SidecarOptions.builder(appId).env(Map.of()).componentsDir(components)
                .resiliencyFile(resiliency).deliveryRetries(0, Duration.ofMillis(20), Duration.ofMillis(100)), app);
    }

    private TestApp app() throws Exception {
        return scope.app();
    }

    private DaprClient client(Sidecar s) {
        return scope.client(s);
    }

    private static JsonNode json(String body) {
        return Json.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static io.grpc.StatusRuntimeException grpcInvoke(Sidecar s, String appId, String method) {
        io.grpc.ManagedChannel channel = Clients.grpc(s);
        try {
            var request = io.dapr.v1.DaprProtos.InvokeServiceRequest.newBuilder().setId(appId)
                    .setMessage(io.dapr.v1.CommonProtos.InvokeRequest.newBuilder().setMethod(method)
                            .setHttpExtension(io.dapr.v1.CommonProtos.HTTPExtension.newBuilder()
                                    .setVerb(io.dapr.v1.CommonProtos.HTTPExtension.Verb.POST)))
                    .build();
            io.dapr.v1.DaprGrpc.newBlockingStub(channel).invokeService(request);
            throw new AssertionError("the gRPC invocation of " + appId + "/" + method + " succeeded");
        } catch (io.grpc.StatusRuntimeException e) {
            return e;
        } finally {
            channel.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- apps (service invocation)

    @Test
    void anAppTimeoutEndsTheCallAsDaprdAndTimeoutsAreRetriedWhateverTheMatching() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        TestApp.Handler slow = r -> {
            Thread.sleep(1_500);
            finished.incrementAndGet();
            return TestApp.Response.text(200, "late");
        };
        TestApp once = app().route("/slow", slow);
        TestApp retried = app().route("/slow", slow);
        Path policy = resiliency("""
                    timeouts:
                      quick: 300ms
                    retries:
                      twice:
                        policy: constant
                        duration: 20ms
                        maxRetries: 2
                        matching:
                          httpStatusCodes: "503"
                """, """
                    apps:
                      once:
                        timeout: quick
                      retried:
                        timeout: quick
                        retry: twice
                """);
        sidecar("once", once, null, policy);
        sidecar("retried", retried, null, policy);
        Sidecar caller = sidecar("caller", null, null, policy);
        DaprClient dapr = client(caller);

        assertThatThrownBy(() -> dapr.invokeMethod("once", "slow", null, HttpExtension.POST, String.class).block())
                .isInstanceOfSatisfying(DaprException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("ERR_DIRECT_INVOKE");
                    assertThat(e.getHttpStatusCode()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("failed to invoke, id: once, err: context deadline exceeded");
                });
        // The caller had daprd's answer while the app was still working on the request.
        assertThat(finished.get()).isZero();
        assertThat(once.requests("/slow")).hasSize(1);

        // Over gRPC, daprd returns the bare context error.
        io.grpc.StatusRuntimeException grpc = grpcInvoke(caller, "once", "slow");
        assertThat(grpc.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.DEADLINE_EXCEEDED);
        assertThat(grpc.getStatus().getDescription()).isEqualTo("context deadline exceeded");

        // A timeout is not a status code: `matching: 503` does not stop daprd from retrying it.
        HttpResponse<String> r = Clients.http(caller, "POST", "/slow", "", "dapr-app-id", "retried");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r.body()).path("message").asText())
                .isEqualTo("failed to invoke, id: retried, err: context deadline exceeded");
        assertThat(retried.requests("/slow")).hasSize(3);
    }

    @Test
    void retriesFollowMatchingThenRelayTheAppsLastAnswer() throws Exception {
        AtomicInteger flaky = new AtomicInteger();
        TestApp.Handler handlers = r -> switch (r.path()) {
            case "/flaky" -> flaky.incrementAndGet() <= 2 ? TestApp.Response.text(503, "busy")
                    : TestApp.Response.text(200, "ok");
            case "/bad" -> TestApp.Response.json(400, "{\"problem\":\"bad input\"}");
            default -> TestApp.Response.text(503, "down");
        };
        TestApp constant = app().route("/*", handlers);
        TestApp exponential = app().route("/*", handlers);
        Path policy = resiliency("""
                    retries:
                      steady:
                        policy: constant
                        duration: 20ms
                        maxRetries: 3
                        matching:
                          httpStatusCodes: "502-503"
                      growing:
                        policy: exponential
                        initialInterval: 10ms
                        maxInterval: 40ms
                        maxRetries: 4
                """, """
                    apps:
                      constant:
                        retry: steady
                      exponential:
                        retry: growing
                """);
        sidecar("constant", constant, null, policy);
        sidecar("exponential", exponential, null, policy);
        Sidecar caller = sidecar("caller", null, null, policy);

        // 503, 503, then 200: the SDK sees only the success.
        byte[] ok = client(caller).invokeMethod("constant", "flaky", null, HttpExtension.POST, byte[].class).block();
        assertThat(new String(ok, StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(constant.requests("/flaky")).hasSize(3);

        // 400 is outside matching: one attempt, and the app's own answer is relayed.
        HttpResponse<String> bad = Clients.http(caller, "POST", "/bad", "{}", "dapr-app-id", "constant");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).path("problem").asText()).isEqualTo("bad input");
        assertThat(constant.requests("/bad")).hasSize(1);

        // Always 503: 1 + maxRetries attempts, then the app's last answer.
        HttpResponse<String> down = Clients.http(caller, "POST", "/down", "{}", "dapr-app-id", "constant");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("down");
        assertThat(constant.requests("/down")).hasSize(4);

        // Exponential back-off, no matching: every code is retried, at most maxRetries times.
        HttpResponse<String> bad2 = Clients.http(caller, "POST", "/bad", "{}", "dapr-app-id", "exponential");
        assertThat(bad2.statusCode()).isEqualTo(400);
        assertThat(exponential.requests("/bad")).hasSize(5);
    }

    @Test
    void anAppBreakerOpensPerEndpointThenHalfOpensAndCloses() throws Exception {
        AtomicBoolean sick = new AtomicBoolean(true);
        TestApp fragile = app()
                .route("/work", r -> sick.get() ? TestApp.Response.text(500, "boom") : TestApp.Response.text(200, "done"))
                .route("/other", r -> TestApp.Response.text(200, "fine"));
        Path policy = resiliency("""
                    circuitBreakers:
                      fuse:
                        maxRequests: 1
                        timeout: 1s
                        trip: consecutiveFailures >= 3
                """, """
                    apps:
                      fragile:
                        circuitBreaker: fuse
                """);
        sidecar("fragile", fragile, null, policy);
        Sidecar caller = sidecar("caller", null, null, policy);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = Clients.http(caller, "POST", "/work", "", "dapr-app-id", "fragile");
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("boom");
        }
        HttpResponse<String> open = Clients.http(caller, "POST", "/work", "", "dapr-app-id", "fragile");
        assertThat(open.statusCode()).isEqualTo(500);
        assertThat(json(open.body()).path("errorCode").asText()).isEqualTo("ERR_DIRECT_INVOKE");
        assertThat(json(open.body()).path("message").asText())
                .isEqualTo("failed to invoke, id: fragile, err: circuit breaker is open");
        assertThat(fragile.requests("/work")).hasSize(3);
        io.grpc.StatusRuntimeException grpc = grpcInvoke(caller, "fragile", "work");
        assertThat(grpc.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNKNOWN);
        assertThat(grpc.getStatus().getDescription()).isEqualTo("circuit breaker is open");
        // The breaker is per endpoint (app id + method): the app's other method is still served.
        assertThat(Clients.http(caller, "POST", "/other", "", "dapr-app-id", "fragile").statusCode()).isEqualTo(200);

        // After `timeout` one trial call goes through (half-open); its success closes the breaker.
        sick.set(false);
        Fixtures.await("the half-open trial call", Duration.ofSeconds(5), () -> {
            try {
                return Clients.http(caller, "POST", "/work", "", "dapr-app-id", "fragile").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(fragile.requests("/work")).hasSize(4);
        assertThat(Clients.http(caller, "POST", "/work", "", "dapr-app-id", "fragile").statusCode()).isEqualTo(200);

        // Tripped again, a failed trial call opens it at once.
        sick.set(true);
        for (int i = 0; i < 3; i++) {
            Clients.http(caller, "POST", "/work", "", "dapr-app-id", "fragile");
        }
        int before = fragile.requests("/work").size();
        Fixtures.await("the next trial call to reach the app", Duration.ofSeconds(5), () -> {
            try {
                Clients.http(caller, "POST", "/work", "", "dapr-app-id", "fragile");
            } catch (Exception e) {
                return false;
            }
            return fragile.requests("/work").size() > before;
        });
        HttpResponse<String> reopened = Clients.http(caller, "POST", "/work", "", "dapr-app-id", "fragile");
        assertThat(json(reopened.body()).path("message").asText()).endsWith("circuit breaker is open");
        assertThat(fragile.requests("/work")).hasSize(before + 1);
    }

    // ---------------------------------------------------------------- components

    @Test
    void stateRetriesTransientFailuresButNeverAnETagConflictAndItsBreakerCountsBoth() throws Exception {
        Path components = postgresStore("pgstore", "resiliency_state");
        Path policy = resiliency("""
                    retries:
                      quick:
                        policy: constant
                        duration: 10ms
                        maxRetries: 2
                    circuitBreakers:
                      counter:
                        maxRequests: 1
                        timeout: 60s
                        trip: consecutiveFailures >= 3
                """, """
                    components:
                      pgstore:
                        outbound:
                          retry: quick
                          circuitBreaker: counter
                """);
        DaprClient dapr = client(sidecar("stateapp", null, components, policy));
        String key = "k-" + UUID.randomUUID();
        dapr.saveState("pgstore", key, "v1").block();
        StateOptions firstWrite = new StateOptions(StateOptions.Consistency.STRONG, StateOptions.Concurrency.FIRST_WRITE);

        // An ETag mismatch is answered after one attempt: two of them leave the breaker (3 failures) closed.
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> dapr.saveState("pgstore", key, "999999", "v2", null).block())
                    .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getErrorCode()).isEqualTo("ABORTED"));
        }
        State<String> current = dapr.getState("pgstore", key, String.class).block();
        assertThat(current.getValue()).isEqualTo("v1");

        // state.postgresql's first-write conflict is no ETag error: 1 + 2 retries = 3 failures open the breaker.
        assertThatThrownBy(() -> dapr.saveState("pgstore", key, null, "v3", firstWrite).block())
                .isInstanceOfSatisfying(DaprException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("INTERNAL");
                    assertThat(e.getMessage()).contains("no item was updated");
                });
        assertThatThrownBy(() -> dapr.getState("pgstore", key, String.class).block())
                .isInstanceOfSatisfying(DaprException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("INTERNAL");
                    assertThat(e.getMessage()).contains("fail to get " + key + " from state store pgstore: "
                            + "circuit breaker is open");
                });
    }

    @Test
    void aStateTimeoutCancelsTheStoreCallSoTheWriteIsNotAppliedLater() throws Exception {
        Path components = postgresStore("slowstore", "resiliency_slow");
        // The timeout covers every call to the store, also the unblocked save and read around the blocked write:
        // long enough for those on a loaded machine (400 ms was not), while the blocked write waits forever.
        Path policy = resiliency("""
                    timeouts:
                      brief: 2s
                """, """
                    components:
                      slowstore:
                        outbound:
                          timeout: brief
                """);
        DaprClient dapr = client(sidecar("slowapp", null, components, policy));
        String key = "locked-" + UUID.randomUUID();
        dapr.saveState("slowstore", key, "before").block();

        try (Connection db = Fixtures.db()) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement(
                    "SELECT key FROM resiliency_slow WHERE key = ? FOR UPDATE")) {
                lock.setString(1, "slowapp||" + key);
                assertThat(lock.executeQuery().next()).isTrue();
            }
            assertThatThrownBy(() -> dapr.saveState("slowstore", key, "during").block())
                    .isInstanceOfSatisfying(DaprException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("INTERNAL");
                        assertThat(e.getMessage()).contains("failed saving state in state store slowstore: "
                                + "context deadline exceeded");
                    });
            db.rollback();
        }
        Thread.sleep(300); // a write that was not cancelled would land now that the row is free
        assertThat(dapr.getState("slowstore", key, String.class).block().getValue()).isEqualTo("before");
    }

    @Test
    void publishingRunsUnderThePubSubsOutboundPolicy() throws Exception {
        // A Kafka component whose broker is not there: every publish waits for metadata until the timeout.
        Path components = Fixtures.components(Files.createTempDirectory("res-pubsub"), "pubsub.yaml",
                Fixtures.component("nobroker", "pubsub.kafka",
                        "    - name: brokers\n      value: \"127.0.0.1:" + Fixtures.freePort() + "\"\n"
                                + "    - name: authType\n      value: \"none\"\n"));
        Path policy = resiliency("""
                    timeouts:
                      brief: 300ms
                """ + onceAndBreaker("counter", "consecutiveFailures >= 2"), """
                    components:
                      nobroker:
                        outbound:
                          timeout: brief
                          retry: once
                          circuitBreaker: counter
                """);
        DaprClient dapr = client(sidecar("publisher", null, components, policy));

        assertThatThrownBy(() -> dapr.publishEvent("nobroker", "t", "x").block())
                .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getMessage())
                        .contains("error when publish to topic t in pubsub nobroker: context deadline exceeded"));
        // Two timed-out attempts opened the breaker: the next publish is refused without trying.
        assertThatThrownBy(() -> dapr.publishEvent("nobroker", "t", "y").block())
                .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getMessage())
                        .contains("error when publish to topic t in pubsub nobroker: circuit breaker is open"));
    }

    @Test
    void deliveriesRetryUnderTheInboundPolicyThenGoToTheDeadLetterTopic() throws Exception {
        Path components = Fixtures.components(Files.createTempDirectory("res-inbound"), "pubsub.yaml",
                Fixtures.inMemoryPubSub("pubsub"));
        String topic = "in-" + UUID.randomUUID().toString().substring(0, 8);
        TestApp subscriber = app()
                .route("/dapr/subscribe", r -> TestApp.Response.json(200, "[{\"pubsubname\":\"pubsub\",\"topic\":\""
                        + topic + "\",\"route\":\"/in\",\"deadLetterTopic\":\"" + topic + ".dlq\"},"
                        + "{\"pubsubname\":\"pubsub\",\"topic\":\"" + topic + ".dlq\",\"route\":\"/dlq\"}]"))
                .route("/in", r -> {
                    if (r.bodyText().contains("slow")) {
                        Thread.sleep(1_000);
                        return TestApp.Response.empty(200);
                    }
                    return TestApp.Response.json(200, "{\"status\":\"RETRY\"}");
                })
                .route("/dlq", r -> TestApp.Response.empty(200));
        Path policy = resiliency(briefAndTwice("20ms"), """
                    components:
                      pubsub:
                        inbound:
                          timeout: brief
                          retry: twice
                """);
        sidecar("subscriber", subscriber, components, policy);
        DaprClient dapr = client(sidecar("publisher", null, components, policy));

        dapr.publishEvent("pubsub", topic, Map.of("kind", "retry")).block();
        Fixtures.await("the dead-lettered event", Duration.ofSeconds(10), () -> subscriber.requests("/dlq").size() == 1);
        assertThat(subscriber.requests("/in")).hasSize(3);

        // An answer slower than the inbound timeout is a failed attempt too.
        dapr.publishEvent("pubsub", topic, Map.of("kind", "slow")).block();
        Fixtures.await("the slow event dead-lettered", Duration.ofSeconds(10),
                () -> subscriber.requests("/dlq").size() == 2);
        assertThat(subscriber.requests("/in")).hasSize(6);
    }

    // ---------------------------------------------------------------- actors

    /** An app hosting actor type {@code type} by hand: ids starting "bad" fail, "slow" sleeps, "gone" has no method. */
    private TestApp actorHost(String type, Map<String, AtomicInteger> calls) throws Exception {
        return app().route("/dapr/config", r -> TestApp.Response.json(200, "{\"entities\":[\"" + type + "\"]}"))
                .route("/actors/*", r -> {
                    String[] p = r.path().substring(1).split("/");
                    if (r.method().equals("DELETE")) {
                        return TestApp.Response.empty(200);
                    }
                    String id = p[2];
                    calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    if (id.startsWith("bad")) {
                        return TestApp.Response.text(500, "actor failed");
                    }
                    if (id.startsWith("gone")) {
                        return TestApp.Response.text(404, "no such method");
                    }
                    if (id.startsWith("slow")) {
                        Thread.sleep(1_200);
                    }
                    return TestApp.Response.json(200, "\"served " + id + "\"");
                });
    }

    /** Actors need an actor state store on the hosting sidecar. */
    private static Path actorStore() throws Exception {
        return Fixtures.components(Files.createTempDirectory("res-actors"), "actors.yaml",
                Fixtures.inMemoryState("actorstore", true));
    }

    private ActorProxy actor(Sidecar s, String type, String id) {
        ActorClient client = scope.add(Clients.actors(s));
        return new ActorProxyBuilder<>(type, ActorProxy.class, client).build(new ActorId(id));
    }

    @Test
    void anActorBreakerPerIdPausesOnlyThatActorAndPerTypeEveryActor() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        TestApp host = actorHost("PerId", calls);
        host.route("/dapr/config", r -> TestApp.Response.json(200, "{\"entities\":[\"PerId\",\"PerType\"]}"));
        Path policy = resiliency(onceAndBreaker("fuse", "consecutiveFailures >= 4"), """
                    actors:
                      PerId:
                        retry: once
                        circuitBreaker: fuse
                        circuitBreakerScope: id
                      PerType:
                        retry: once
                        circuitBreaker: fuse
                        circuitBreakerScope: type
                """);
        sidecar("actorhost", host, actorStore(), policy);
        Sidecar caller = sidecar("caller", null, null, policy);

        for (String type : List.of("PerId", "PerType")) {
            ActorProxy bad = actor(caller, type, "bad-" + type);
            for (int i = 0; i < 2; i++) { // every actor failure is retried once: 2 calls = 4 failures
                assertThatThrownBy(() -> bad.invokeMethod("work", String.class).block())
                        .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getMessage())
                                .contains("error invoke actor method: error from actor service: (500) actor failed"));
            }
            assertThat(calls.get("bad-" + type)).hasValue(4);
            assertThatThrownBy(() -> bad.invokeMethod("work", String.class).block())
                    .isInstanceOfSatisfying(DaprException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("INTERNAL");
                        assertThat(e.getMessage()).contains("error invoke actor method: circuit breaker is open");
                    });
            assertThat(calls.get("bad-" + type)).hasValue(4);
        }
        // Per id: another actor of the type is served. Per type: the whole type is paused.
        assertThat(actor(caller, "PerId", "good-id").invokeMethod("work", String.class).block())
                .isEqualTo("served good-id");
        assertThatThrownBy(() -> actor(caller, "PerType", "good-type").invokeMethod("work", String.class).block())
                .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getMessage())
                        .contains("circuit breaker is open"));
        assertThat(calls).doesNotContainKey("good-type");
    }

    @Test
    void anActorCallTimesOutAfterItsTurnAndAMissingMethodIsNeverRetried() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        TestApp host = actorHost("Timed", calls);
        Path policy = resiliency(briefAndTwice("10ms"), """
                    actors:
                      Timed:
                        timeout: brief
                        retry: twice
                """);
        Sidecar s = sidecar("actorhost", host, actorStore(), policy);

        assertThatThrownBy(() -> actor(s, "Timed", "slow-1").invokeMethod("work", String.class).block())
                .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getMessage())
                        .contains("error invoke actor method: context deadline exceeded"));
        assertThat(calls.get("slow-1")).hasValue(3);

        assertThatThrownBy(() -> actor(s, "Timed", "gone-1").invokeMethod("work", String.class).block())
                .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getMessage())
                        .contains("error invoke actor method: actor method not found: actors/Timed/gone-1/method/work"));
        assertThat(calls.get("gone-1")).hasValue(1);
        assertThat(actor(s, "Timed", "fine").invokeMethod("work", String.class).block()).isEqualTo("served fine");
    }

    // ---------------------------------------------------------------- the repository's policy

    @Test
    void theMeshsPolicyLetsNoConflictOrFailingStudentPauseEveryStudent() throws Exception {
        Path repoPolicy = Path.of("../../dapr/resiliency.yaml");
        Path components = Fixtures.components(Files.createTempDirectory("res-repo"), "state.yaml",
                Fixtures.postgresState("statestore", "resiliency_repo", false), "actors.yaml",
                Fixtures.inMemoryState("actorstore", true));
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        sidecar("progress", actorHost("StudentActor", calls), components, repoPolicy);
        Sidecar exercise = sidecar("exercise", null, components, repoPolicy);
        DaprClient dapr = client(exercise);

        // Many ETag conflicts on one student's key: the state store still serves that student and every other.
        String attempts = "attempts-" + UUID.randomUUID();
        dapr.saveState("statestore", attempts, "v1").block();
        String etag = dapr.getState("statestore", attempts, String.class).block().getEtag();
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> dapr.saveState("statestore", attempts, "999999", "stale", null).block())
                    .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getErrorCode()).isEqualTo("ABORTED"));
        }
        dapr.saveState("statestore", attempts, etag, "v2", null).block();
        dapr.saveState("statestore", "other-" + UUID.randomUUID(), "fine").block();
        assertThat(dapr.getState("statestore", attempts, String.class).block().getValue()).isEqualTo("v2");

        // One student's actor keeps failing (each call is retried 3 times): only that student is paused.
        ActorProxy failing = actor(exercise, "StudentActor", "bad-student");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> failing.invokeMethod("record", String.class).block())
                    .isInstanceOf(DaprException.class);
        }
        assertThatThrownBy(() -> failing.invokeMethod("record", String.class).block())
                .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getMessage())
                        .contains("circuit breaker is open"));
        assertThat(calls.get("bad-student")).hasValue(5);
        assertThat(actor(exercise, "StudentActor", "another-student").invokeMethod("record", String.class).block())
                .isEqualTo("served another-student");
    }
}
