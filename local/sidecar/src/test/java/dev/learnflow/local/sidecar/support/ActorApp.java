package dev.learnflow.local.sidecar.support;

import io.dapr.actors.runtime.ActorRuntime;
import io.dapr.config.Properties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Hosts real Dapr SDK actors the way an app does: ActorRuntime (one per JVM, its gRPC channel fixed to one sidecar
 * port) behind the app-side endpoints {@code /dapr/config} and {@code /actors/...}. Every actor test uses the same
 * host sidecar gRPC port, {@link #SIDECAR_GRPC_PORT}.
 */
public final class ActorApp {

    public static final int SIDECAR_GRPC_PORT = Fixtures.freePort();
    private static ActorRuntime runtime;

    private ActorApp() {
    }

    public static synchronized ActorRuntime runtime() {
        if (runtime == null) {
            runtime = ActorRuntime.getInstance(new Properties(Map.of("dapr.grpc.port",
                    Integer.toString(SIDECAR_GRPC_PORT))));
            runtime.getConfig().setActorIdleTimeout(Duration.ofMinutes(60));
            runtime.getConfig().setActorScanInterval(Duration.ofSeconds(30));
            runtime.registerActor(CounterActorImpl.class);
        }
        return runtime;
    }

    /** Adds the actor host endpoints to {@code app}. */
    public static TestApp host(TestApp app) {
        ActorRuntime rt = runtime();
        app.route("/dapr/config", r -> TestApp.Response.json(200, new String(rt.serializeConfig(),
                StandardCharsets.UTF_8)));
        app.route("/actors/*", r -> {
            String[] p = r.path().substring(1).split("/");
            // actors/{type}/{id}[/method/{m} | /method/timer/{t} | /method/remind/{r}]
            if (r.method().equals("DELETE") && p.length == 3) {
                rt.deactivate(p[1], p[2]).block();
                return TestApp.Response.empty(200);
            }
            if (!r.method().equals("PUT") || p.length < 5 || !p[3].equals("method")) {
                return TestApp.Response.text(404, "no such actor route");
            }
            try {
                if (p.length == 6 && p[4].equals("timer")) {
                    rt.invokeTimer(p[1], p[2], p[5], r.body()).block();
                    return TestApp.Response.empty(200);
                }
                if (p.length == 6 && p[4].equals("remind")) {
                    rt.invokeReminder(p[1], p[2], p[5], r.body()).block();
                    return TestApp.Response.empty(200);
                }
                byte[] out = rt.invoke(p[1], p[2], p[4], r.body()).block();
                return new TestApp.Response(200, "application/json", out == null ? new byte[0] : out, Map.of());
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return TestApp.Response.text(500, root.getClass().getSimpleName() + ": " + root.getMessage());
            }
        });
        return app;
    }

    public static TestApp newHost() throws IOException {
        return host(new TestApp());
    }
}
