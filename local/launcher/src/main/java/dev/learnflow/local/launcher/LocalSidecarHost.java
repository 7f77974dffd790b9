package dev.learnflow.local.launcher;

import java.util.HashMap;
import java.util.Map;

import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.sidecar.SidecarOptions;
import dev.learnflow.local.sidecar.SidecarRegistry;

/**
 * {@link SidecarHost} over the project's local sidecar ({@code local/sidecar}): every sidecar runs inside the
 * launcher's JVM with its own app id and ports, and all share one {@link SidecarRegistry} (in-process name
 * resolution, actor placement, one Vert.x instance and worker pool), which keeps ten sidecars light.
 */
public final class LocalSidecarHost implements SidecarHost {

    private SidecarRegistry registry;

    @Override
    public synchronized Running start(Spec spec) throws Exception {
        if (registry == null) {
            registry = new SidecarRegistry();
        }
        // The sidecar's env secret store (secretstores.local.env) sees the launcher's environment plus what the
        // launcher sets; tokens come only from the spec, never from a stray variable of the launcher's shell.
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("DAPR_API_TOKEN");
        env.remove("APP_API_TOKEN");
        env.putAll(spec.env());
        SidecarOptions.Builder b = SidecarOptions.builder(spec.appId())
                .appPort(spec.appPort())
                .daprHttpPort(spec.httpPort())
                .daprGrpcPort(spec.grpcPort())
                .componentsDir(spec.componentsDir())
                .configFile(spec.configFile())
                .resiliencyFile(spec.resiliencyFile())
                .env(env)
                .registry(registry);
        if (spec.daprApiToken() != null) {
            b.daprApiToken(spec.daprApiToken());
        }
        if (spec.appApiToken() != null) {
            b.appApiToken(spec.appApiToken());
        }
        Sidecar sidecar = Sidecar.start(b.build());
        return new Running() {
            @Override
            public String appId() {
                return sidecar.appId();
            }

            @Override
            public int httpPort() {
                return sidecar.httpPort();
            }

            @Override
            public int grpcPort() {
                return sidecar.grpcPort();
            }

            @Override
            public void close() {
                sidecar.close();
            }
        };
    }

    @Override
    public String description() {
        return "in-process, Dapr API " + Sidecar.RUNTIME_VERSION;
    }

    @Override
    public synchronized void close() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }
}
