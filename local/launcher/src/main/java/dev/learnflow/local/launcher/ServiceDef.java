package dev.learnflow.local.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One of the ten services: its Dapr app id (= service name), its HTTP port and its sidecar's ports. The sidecar
 * of the service with index {@code i} (order of {@link #ALL}) listens on HTTP {@code 3500+i} and gRPC
 * {@code 50001+i}.
 */
public record ServiceDef(String name, int port, int index) {

    public static final int SIDECAR_HTTP_BASE = 3500;
    public static final int SIDECAR_GRPC_BASE = 50001;

    /** The ten services, in sidecar-port order (gateway 0 ... notification 9). */
    public static final List<ServiceDef> ALL = List.of(
            new ServiceDef("gateway", 8180, 0),
            new ServiceDef("triage", 8100, 1),
            new ServiceDef("concepts", 8101, 2),
            new ServiceDef("code-review", 8103, 3),
            new ServiceDef("debug", 8104, 4),
            new ServiceDef("exercise", 8105, 5),
            new ServiceDef("progress", 8106, 6),
            new ServiceDef("code-execution", 8107, 7),
            new ServiceDef("websocket", 8108, 8),
            new ServiceDef("notification", 8109, 9));

    /** Dapr app id: the service name. */
    public String appId() {
        return name;
    }

    public int sidecarHttpPort() {
        return SIDECAR_HTTP_BASE + index;
    }

    public int sidecarGrpcPort() {
        return SIDECAR_GRPC_BASE + index;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code services/<name>/target/quarkus-app/quarkus-run.jar} under the repository root. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve("services").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static Optional<ServiceDef> byName(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst();
    }
}
