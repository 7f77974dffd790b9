package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.local.sidecar.support.Fixtures;
import dev.learnflow.local.sidecar.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second, independent Dapr client: the official Dapr JavaScript SDK (@dapr/dapr, version pinned by
 * src/test/js-probe/package-lock.json) runs {@code probe.mjs} through Node against two local sidecars — the
 * probe's own (API token on) and an app's (a test app that echoes, subscribes and hosts an actor type) — over
 * HTTP and gRPC: state with ETags, first-write, transactions, bulk get, TTL, query; publish and bulk publish;
 * invocation; metadata; actor calls. The check table is printed; any failed check fails this test. Needs Node.js
 * 20 and npm ({@code npm ci} reaches the registry the first time; later runs reuse target/js-probe/node_modules).
 */
class JsSdkProbeTest {

    static final Path SOURCES = Path.of("src/test/js-probe");
    static final Path WORK = Path.of("target/js-probe").toAbsolutePath();
    static final String TOKEN = "probe-token";
    static final String TOPIC = "probe-events";
    static SidecarRegistry registry;
    static TestApp app;
    static Sidecar probeSidecar;

    @BeforeAll
    static void start() throws Exception {
        installSdk();
        try (var db = Fixtures.db(); var st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS js_probe_state");
        }
        registry = new SidecarRegistry();
        app = probeApp();
        Path components = Fixtures.components(Files.createTempDirectory("js-probe"),
                "statestore.yaml", Fixtures.postgresState("statestore", "js_probe_state", false),
                "memstore.yaml", Fixtures.inMemoryState("memstore", false),
                "actors.yaml", Fixtures.inMemoryState("actorstore", true),
                "pubsub.yaml", Fixtures.inMemoryPubSub("pubsub"));
        Sidecar appSidecar = Sidecar.start(SidecarOptions.builder("probe-app").appPort(app.port()).daprHttpPort(0)
                .daprGrpcPort(0).registry(registry).componentsDir(components).env(Map.of()).build());
        appSidecar.appReady().get(30, TimeUnit.SECONDS);
        probeSidecar = Sidecar.start(SidecarOptions.builder("js-probe").daprHttpPort(0).daprGrpcPort(0)
                .registry(registry).componentsDir(components).env(Map.of()).daprApiToken(TOKEN).build());
        probeSidecar.appReady().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /** npm ci into target/js-probe, skipped while node_modules matches the lock file. */
    static void installSdk() throws Exception {
        Files.createDirectories(WORK);
        for (String f : List.of("package.json", "package-lock.json", "probe.mjs")) {
            Files.copy(SOURCES.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        String lockHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(WORK.resolve("package-lock.json"))));
        Path stamp = WORK.resolve("node_modules/.learnflow-lock.sha256");
        if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(lockHash)) {
            return;
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), Map.of(), 300);
        assertThat(npm.exit()).as("npm ci for the JS SDK probe:\n" + npm.output()).isZero();
        Files.writeString(stamp, lockHash + "\n");
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (Node.js 20 and npm are needed): "
                    + e.getMessage(), e);
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append("\n(reading output failed: ").append(e.getMessage()).append(')');
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(5_000);
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n" + out);
        }
        reader.join(5_000);
        return new Result(p.exitValue(), out.toString());
    }

    static Result probe(String store) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DAPR_HOST", "127.0.0.1");
        env.put("PROBE_HTTP_PORT", Integer.toString(probeSidecar.httpPort()));
        env.put("PROBE_GRPC_PORT", Integer.toString(probeSidecar.grpcPort()));
        env.put("PROBE_API_TOKEN", TOKEN);
        env.put("PROBE_SELF_ID", "js-probe");
        env.put("PROBE_APP_ID", "probe-app");
        env.put("PROBE_STORE", store);
        env.put("PROBE_PUBSUB", "pubsub");
        env.put("PROBE_TOPIC", TOPIC);
        env.put("PROBE_ACTOR_TYPE", "ProbeActor");
        Result r = run(List.of("node", "probe.mjs"), env, 180);
        System.out.println(r.output());
        return r;
    }

    @Test
    void theJavaScriptSdkPassesEveryCheck() throws Exception {
        Result r = probe("statestore");
        assertThat(r.output()).contains("| PASS").doesNotContain("| FAIL");
        assertThat(r.output()).containsPattern("JS SDK probe: (\\d+) of \\1 checks passed");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void aFailingCheckFailsTheProbe() throws Exception {
        // state.in-memory cannot query and answers first-write conflicts differently from state.postgresql v1.
        Result r = probe("memstore");
        assertThat(r.output()).contains("state: query (filter, sort, page)").contains("| FAIL");
        assertThat(r.exit()).isEqualTo(1);
    }

    /** The app behind "probe-app": echo, a subscriber that records events, an actor host of ProbeActor. */
    static TestApp probeApp() throws IOException {
        Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
        return new TestApp()
                .route("/dapr/subscribe", r -> TestApp.Response.json(200, "[{\"pubsubname\":\"pubsub\",\"topic\":\""
                        + TOPIC + "\",\"route\":\"/events\"}]"))
                .route("/dapr/config", r -> TestApp.Response.json(200, "{\"entities\":[\"ProbeActor\"]}"))
                .route("/events", r -> {
                    JsonNode event = Json.parse(r.body());
                    received.computeIfAbsent(event.path("topic").asText(), k -> new CopyOnWriteArrayList<>())
                            .add(event);
                    return TestApp.Response.empty(200);
                })
                .route("/received/*", r -> {
                    ArrayNode list = Json.MAPPER.createArrayNode();
                    received.getOrDefault(r.path().substring("/received/".length()), List.of()).forEach(list::add);
                    return TestApp.Response.json(200, list.toString());
                })
                .route("/echo", r -> {
                    ObjectNode out = Json.object();
                    out.put("method", r.method());
                    out.set("body", r.body().length == 0 ? null : Json.parse(r.body()));
                    out.put("caller", r.header("dapr-caller-app-id"));
                    return TestApp.Response.json(200, out.toString());
                })
                .route("/actors/*", r -> {
                    String[] p = r.path().substring(1).split("/");
                    if (r.method().equals("DELETE")) {
                        return TestApp.Response.empty(200);
                    }
                    if (p.length == 5 && p[4].equals("fail")) {
                        return TestApp.Response.text(500, "ProbeActor.fail: failed on purpose");
                    }
                    ObjectNode out = Json.object();
                    out.put("actor", p[2]);
                    out.put("method", p.length > 4 ? p[4] : "");
                    out.set("body", r.body().length == 0 ? null : Json.parse(r.body()));
                    return TestApp.Response.json(200, out.toString());
                });
    }
}
