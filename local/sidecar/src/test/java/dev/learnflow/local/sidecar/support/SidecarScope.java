package dev.learnflow.local.sidecar.support;

import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.sidecar.SidecarOptions;
import dev.learnflow.local.sidecar.SidecarRegistry;
import io.dapr.client.DaprClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one test starts — sidecars of one registry, test apps, SDK clients — closed together, last first, by
 * {@link #close()} (call it from {@code @AfterEach}).
 */
public final class SidecarScope implements AutoCloseable {

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private SidecarRegistry registry;

    /** The registry of this scope's sidecars, made on first use. */
    public synchronized SidecarRegistry registry() {
        if (registry == null) {
            registry = new SidecarRegistry();
        }
        return registry;
    }

    /** Starts a sidecar in this scope's registry (for {@code app}'s port, if any) and waits for its app. */
    public Sidecar sidecar(SidecarOptions.Builder options, TestApp app) throws Exception {
        options.daprHttpPort(0).daprGrpcPort(0).registry(registry());
        if (app != null) {
            options.appPort(app.port());
        }
        Sidecar s = Sidecar.start(options.build());
        closeables.add(s);
        s.appReady().get(30, TimeUnit.SECONDS);
        return s;
    }

    /**
     * A sidecar for pub/sub tests, with {@code components}, no environment and two delivery retries 50–200 ms
     * apart, so that a test sees the policy give up quickly.
     */
    public Sidecar pubsubSidecar(String appId, TestApp app, java.nio.file.Path components) throws Exception {
        return sidecar(SidecarOptions.builder(appId).componentsDir(components).env(java.util.Map.of())
                .deliveryRetries(2, java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200)), app);
    }

    public TestApp app() throws Exception {
        TestApp app = new TestApp();
        closeables.add(app);
        return app;
    }

    public DaprClient client(Sidecar s) {
        DaprClient c = Clients.dapr(s);
        closeables.add(c);
        return c;
    }

    /** Closes {@code c} with the rest. */
    public <T extends AutoCloseable> T add(T c) {
        closeables.add(c);
        return c;
    }

    /** Closes everything, the registry last (a later use starts a fresh one). */
    @Override
    public synchronized void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        closeables.clear();
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }
}
