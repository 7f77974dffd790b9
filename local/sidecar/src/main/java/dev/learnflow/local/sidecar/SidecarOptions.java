package dev.learnflow.local.sidecar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one local sidecar. Build with {@link #builder(String)}; only the app id is required. Ports 0 mean
 * "pick a free port" (read the chosen ones from {@link Sidecar#httpPort()} / {@link Sidecar#grpcPort()}).
 */
public final class SidecarOptions {

    final String appId;
    final int appPort;
    final String appHost;
    final int daprHttpPort;
    final int daprGrpcPort;
    final String listenAddress;
    final Path componentsDir;
    final Path configFile;
    final Path resiliencyFile;
    final Map<String, String> env;
    final SidecarRegistry registry;
    final String namespace;
    final String appApiToken;
    final String daprApiToken;
    final Duration actorIdleTimeout;
    final Duration actorScanInterval;
    final Duration actorPlacementWait;
    final Duration invokeTimeout;
    final Duration appReadyPollInterval;
    final int deliveryMaxRetries;
    final Duration deliveryInitialBackoff;
    final Duration deliveryMaxBackoff;
    final int stateMaxConnections;

    private SidecarOptions(Builder b) {
        this.appId = b.appId;
        this.appPort = b.appPort;
        this.appHost = b.appHost;
        this.daprHttpPort = b.daprHttpPort;
        this.daprGrpcPort = b.daprGrpcPort;
        this.listenAddress = b.listenAddress;
        this.componentsDir = b.componentsDir;
        this.configFile = b.configFile;
        this.resiliencyFile = b.resiliencyFile;
        this.env = b.env == null ? System.getenv() : Map.copyOf(b.env);
        this.registry = b.registry;
        this.namespace = b.namespace != null ? b.namespace : this.env.getOrDefault("NAMESPACE", "default");
        this.appApiToken = b.appApiToken != null ? b.appApiToken : blankToNull(this.env.get("APP_API_TOKEN"));
        this.daprApiToken = b.daprApiToken != null ? b.daprApiToken : blankToNull(this.env.get("DAPR_API_TOKEN"));
        this.actorIdleTimeout = b.actorIdleTimeout;
        this.actorScanInterval = b.actorScanInterval;
        this.actorPlacementWait = b.actorPlacementWait;
        this.invokeTimeout = b.invokeTimeout;
        this.appReadyPollInterval = b.appReadyPollInterval;
        this.deliveryMaxRetries = b.deliveryMaxRetries;
        this.deliveryInitialBackoff = b.deliveryInitialBackoff;
        this.deliveryMaxBackoff = b.deliveryMaxBackoff;
        this.stateMaxConnections = b.stateMaxConnections;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static Builder builder(String appId) {
        return new Builder(appId);
    }

    public String appId() {
        return appId;
    }

    public int appPort() {
        return appPort;
    }

    public SidecarRegistry registry() {
        return registry;
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
        private int deliveryMaxRetries = 5;
        private Duration deliveryInitialBackoff = Duration.ofMillis(200);
        private Duration deliveryMaxBackoff = Duration.ofSeconds(10);
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
            this.deliveryMaxRetries = maxRetries;
            this.deliveryInitialBackoff = initialBackoff;
            this.deliveryMaxBackoff = maxBackoff;
            return this;
        }

        /** Connections each state.postgresql component may open (default 4). */
        public Builder stateMaxConnections(int max) {
            this.stateMaxConnections = max;
            return this;
        }

        public SidecarOptions build() {
            return new SidecarOptions(this);
        }
    }
}
