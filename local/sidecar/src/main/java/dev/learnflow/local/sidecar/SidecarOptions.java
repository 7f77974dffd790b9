package dev.learnflow.local.sidecar;

import dev.learnflow.local.sidecar.pubsub.DeliveryRetries;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one local sidecar. Build with {@link #builder(String)}; only the app id is required. Ports 0 mean
 * "pick a free port" (read the chosen ones from {@link Sidecar#httpPort()} / {@link Sidecar#grpcPort()}).
 */
public record SidecarOptions(
        String appId,
        int appPort,
        String appHost,
        int daprHttpPort,
        int daprGrpcPort,
        String listenAddress,
        Path componentsDir,
        Path configFile,
        Path resiliencyFile,
        Map<String, String> env,
        SidecarRegistry registry,
        String namespace,
        String appApiToken,
        String daprApiToken,
        Duration actorIdleTimeout,
        Duration actorScanInterval,
        Duration actorPlacementWait,
        Duration invokeTimeout,
        Duration appReadyPollInterval,
        DeliveryRetries deliveryRetries,
        int stateMaxConnections) {

    /** What daprd takes from its environment when not given: NAMESPACE, APP_API_TOKEN, DAPR_API_TOKEN. */
    private static SidecarOptions resolved(Builder b) {
        Map<String, String> env = b.env == null ? System.getenv() : Map.copyOf(b.env);
        return new SidecarOptions(b.appId, b.appPort, b.appHost, b.daprHttpPort, b.daprGrpcPort, b.listenAddress,
                b.componentsDir, b.configFile, b.resiliencyFile, env, b.registry,
                b.namespace != null ? b.namespace : env.getOrDefault("NAMESPACE", "default"),
                b.appApiToken != null ? b.appApiToken : blankToNull(env.get("APP_API_TOKEN")),
                b.daprApiToken != null ? b.daprApiToken : blankToNull(env.get("DAPR_API_TOKEN")),
                b.actorIdleTimeout, b.actorScanInterval, b.actorPlacementWait, b.invokeTimeout,
                b.appReadyPollInterval, b.deliveryRetries, b.stateMaxConnections);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static Builder builder(String appId) {
        return new Builder(appId);
    }

    /** The app id and ports only: the environment and the tokens are secrets. */
    @Override
    public String toString() {
        return "SidecarOptions[" + appId + ", app port " + appPort + ", dapr ports " + daprHttpPort + "/"
                + daprGrpcPort + "]";
    }

    /** Options for one sidecar. */
    public static final class Builder {
        private final String appId;
        private int appPort = -1;
        private String appHost = "127.0.0.1";
        private int daprHttpPort = 3500;
        private int daprGrpcPort = 50001;
        private String listenAddress = "127.0.0.1";
        private Path componentsDir;
        private Path configFile;
        private Path resiliencyFile;
        private Map<String, String> env;
        private SidecarRegistry registry;
        private String namespace;
        private String appApiToken;
        private String daprApiToken;
        private Duration actorIdleTimeout;
        private Duration actorScanInterval;
        private Duration actorPlacementWait = Duration.ofSeconds(10);
        private Duration invokeTimeout = Duration.ofSeconds(60);
        private Duration appReadyPollInterval = Duration.ofMillis(200);
        private DeliveryRetries deliveryRetries = DeliveryRetries.DEFAULT;
        private int stateMaxConnections = 4;

        private Builder(String appId) {
            this.appId = Objects.requireNonNull(appId, "appId");
            if (appId.isBlank() || appId.contains("||") || appId.contains("/")) {
                throw new IllegalArgumentException("invalid app id: '" + appId + "'");
            }
        }

        /** The app's HTTP port on {@link #appHost(String)}; -1 (default) = no app (sidecar-only). */
        public Builder appPort(int port) {
            this.appPort = port;
            return this;
        }

        public Builder appHost(String host) {
            this.appHost = host;
            return this;
        }

        public Builder daprHttpPort(int port) {
            this.daprHttpPort = port;
            return this;
        }

        public Builder daprGrpcPort(int port) {
            this.daprGrpcPort = port;
            return this;
        }

        /** Address the sidecar's HTTP and gRPC servers bind to (default 127.0.0.1). */
        public Builder listenAddress(String address) {
            this.listenAddress = address;
            return this;
        }

        /** Dapr resources directory (components, declarative subscriptions); null = no components. */
        public Builder componentsDir(Path dir) {
            this.componentsDir = dir;
            return this;
        }

        /** Dapr Configuration file (access control, tracing); null = defaults (no access control). */
        public Builder configFile(Path file) {
            this.configFile = file;
            return this;
        }

        /**
         * A file of Dapr {@code kind: Resiliency} documents (timeouts, retries, circuit breakers), applied with any
         * Resiliency documents in the resources directory (daprd reads them from there); null = only those.
         */
        public Builder resiliencyFile(Path file) {
            this.resiliencyFile = file;
            return this;
        }

        /**
         * Environment for secretstores.local.env and for APP_API_TOKEN / DAPR_API_TOKEN / NAMESPACE
         * (default {@link System#getenv()}).
         */
        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        /** Name resolution (and shared in-memory components) between sidecars of one process. */
        public Builder registry(SidecarRegistry registry) {
            this.registry = registry;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Token sent to the app as dapr-api-token on every call (default: env APP_API_TOKEN). */
        public Builder appApiToken(String token) {
            this.appApiToken = token;
            return this;
        }

        /** Token the app must send to the sidecar API (default: env DAPR_API_TOKEN). */
        public Builder daprApiToken(String token) {
            this.daprApiToken = token;
            return this;
        }

        /** Overrides the app's actorIdleTimeout (tests). */
        public Builder actorIdleTimeout(Duration d) {
            this.actorIdleTimeout = d;
            return this;
        }

        /** Overrides the app's actorScanInterval (tests). */
        public Builder actorScanInterval(Duration d) {
            this.actorScanInterval = d;
            return this;
        }

        /** How long an actor call waits for a host of its type to appear (placement), default 10 s. */
        public Builder actorPlacementWait(Duration d) {
            this.actorPlacementWait = d;
            return this;
        }

        /** Timeout of one service invocation or actor call to an app, default 60 s. */
        public Builder invokeTimeout(Duration d) {
            this.invokeTimeout = d;
            return this;
        }

        public Builder appReadyPollInterval(Duration d) {
            this.appReadyPollInterval = d;
            return this;
        }

        /**
         * Pub/sub redelivery policy (resiliency-like): retries after the first attempt before a message goes to its
         * dead-letter topic. Without a dead-letter topic a message is retried until it succeeds, as daprd's
         * component-level retry does. Backoff doubles from the initial value up to the maximum.
         */
        public Builder deliveryRetries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
            this.deliveryRetries = new DeliveryRetries(maxRetries, initialBackoff, maxBackoff);
            return this;
        }

        /** Connections each state.postgresql component may open (default 4). */
        public Builder stateMaxConnections(int max) {
            this.stateMaxConnections = max;
            return this;
        }

        public SidecarOptions build() {
            return resolved(this);
        }
    }
}
