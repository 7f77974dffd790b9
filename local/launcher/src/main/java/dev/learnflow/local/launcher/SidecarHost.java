package dev.learnflow.local.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the Dapr sidecar of one app. The launcher only talks to this interface; {@link LocalSidecarHost} is the
 * implementation over the project's local sidecar ({@code local/sidecar}), running every sidecar inside the
 * launcher's JVM (each with its own app id and ports, sharing one name-resolution registry).
 */
public interface SidecarHost extends AutoCloseable {

    /** What one sidecar needs. */
    record Spec(String appId, int appPort, int httpPort, int grpcPort, Path componentsDir, Path configFile,
            Path resiliencyFile, Map<String, String> env, String daprApiToken, String appApiToken) {
    }

    /** A started sidecar. */
    interface Running extends AutoCloseable {
        String appId();

        int httpPort();

        int grpcPort();

        /** Stops this sidecar (idempotent). */
        @Override
        void close();
    }

    /** Starts one sidecar; returns once its HTTP and gRPC ports accept connections. */
    Running start(Spec spec) throws Exception;

    /** A short description for the startup banner. */
    String description();

    /** Releases what all sidecars share (registry, pools). Sidecars are closed by the launcher first. */
    @Override
    default void close() {
    }
}
