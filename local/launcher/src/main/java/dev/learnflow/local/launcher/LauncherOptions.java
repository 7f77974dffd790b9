package dev.learnflow.local.launcher;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link Mesh#start(LauncherOptions)} needs. {@link #fromEnvironment(Path, Map)} gives what
 * {@code ./learnflow up} uses; tests adjust ports, database and timeouts through the builder.
 */
public final class LauncherOptions {

    /** Default embedded ports (fixed so a developer can point tools at them). */
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    /**
     * Partitions per topic. Events are keyed by student, so students are processed in parallel across partitions
     * while each student's events stay in order; 4 keeps two cores busy without many idle consumers.
     */
    public static final int DEFAULT_KAFKA_PARTITIONS = 4;
    public static final int DEFAULT_POSTGRES_PORT = 15432;

    /**
     * Light JVM flags for each service on a 2-core laptop (issue 19 measured the trade-offs, see bench/README.md):
     * C1 only (C2 cost more CPU than it saved in runs of minutes: its compilations run on the same two cores);
     * a heap that starts small ({@code -Xms24m}) rather than the default initial heap (= {@code -Xmx}, all of it
     * touched by the first young collections): the ten services idle at ~0.4 GiB less RSS. Under load the heap grows
     * generously ({@value #MIN_HEAP_FREE_PERCENT} % kept free after a full collection, shrunk only above
     * {@value #MAX_HEAP_FREE_PERCENT} %; the JVM's 40–70 % left the gateway at 500 users with a full collection every
     * 3 s, 70–180 ms each, and the young generation, a fifth of a small heap, promoting what in-flight requests hold):
     * the fewer collections cost no memory once quiet, since {@code IdleHeapRelease} shrinks the heap to its live
     * data then (bench/README.md, session 33). Lower ratios (10–30 %) made the old generation grow at nearly every
     * promotion, each growth followed by a full collection (3–4× as many full GCs). The first class-metadata
     * GC only at 80 MB of metaspace (the services load 38–62 MB): the default threshold (~21 MB) cost each service
     * two full collections while it started (0.1–0.4 s each), for no memory saved.
     * <p>
     * Memory given back (issue 19, README "Local mesh: startup and memory"): a full collection that finds the heap
     * mostly free shrinks it at once ({@code -XX:-ShrinkHeapInSteps}) instead of by a quarter per collection, so a
     * heap grown under load does not stay grown for the next three full collections; the young generation is a
     * fifth of the heap ({@code -XX:NewRatio=4}, the JVM's default is a third): SerialGC sizes it from the old
     * generation at each full collection and its eden, empty after one, stays resident (session 18: 0.10 GiB less
     * over the mesh after the bench's load, every speed target still met); and, where the JDK has it
     * (17.0.9+), the JVM returns freed malloc memory to the OS every few seconds
     * ({@code -XX:TrimNativeHeapInterval}, see {@link #NATIVE_HEAP_TRIM}).
     * <p>
     * Tried and left out (README, "Per-JVM flags tried"): {@code -XX:MetaspaceReclaimPolicy=aggressive} (metaspace
     * is committed within 1 MiB of what is used, no class loader dies, nothing to give back);
     * {@code -XX:CompileThresholdScaling=4} (0.04–0.05 GiB less over the ten services, for 1.5–2× the CPU per request
     * under load: more code stays interpreted).
     */
    public static final List<String> SERVICE_JVM_OPTIONS = serviceJvmOptions(vmHasOption("TrimNativeHeapInterval"));

    /**
     * glibc keeps memory that native code freed (ONNX Runtime's activations, Netty, the JIT's arenas) in its heap
     * for reuse; trimming every 5 s gives it back. Costs one {@code malloc_trim} per interval, off the Java threads.
     */
    static final String NATIVE_HEAP_TRIM = "-XX:TrimNativeHeapInterval=5000";

    /** Free share of the heap a full collection leaves under load (the heap grows to keep it). */
    static final int MIN_HEAP_FREE_PERCENT = 70;
    /** Free share above which a full collection under load shrinks the heap (the idle release shrinks it anyway). */
    static final int MAX_HEAP_FREE_PERCENT = 90;

    static List<String> serviceJvmOptions(boolean nativeHeapTrim) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx160m", "-Xms24m", "-XX:-ShrinkHeapInSteps", "-XX:NewRatio=4",
                "-XX:MinHeapFreeRatio=" + MIN_HEAP_FREE_PERCENT, "-XX:MaxHeapFreeRatio=" + MAX_HEAP_FREE_PERCENT,
                "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:ReservedCodeCacheSize=48m", "-XX:MetaspaceSize=80m", "-XX:MaxMetaspaceSize=160m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.net.preferIPv4Stack=true"));
        if (nativeHeapTrim) {
            options.add(NATIVE_HEAP_TRIM);
        }
        return List.copyOf(options);
    }

    /**
     * Whether this JVM knows a -XX flag; the services run on the same {@code java} as the launcher
     * ({@link Mesh}), and an unknown flag would stop them from starting.
     */
    static boolean vmHasOption(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** How long a service gets after SIGTERM before it is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    final Path repoRoot;
    final Path stateDir;
    final Path dataDir;
    final List<ServiceDef> services;
    final String externalKafka;
    final int kafkaPort;
    final int kafkaControllerPort;
    final int kafkaPartitions;
    final DbTarget db;
    final Duration healthTimeout;
    final int startConcurrency;
    final Map<String, String> serviceEnv;
    final Map<String, Map<String, String>> perServiceEnv;
    final Map<String, List<String>> perServiceJvmOptions;
    final boolean apiTokens;
    final boolean demoAccounts;
    final PrintStream out;

    private LauncherOptions(Builder b) {
        this.repoRoot = b.repoRoot.toAbsolutePath().normalize();
        this.stateDir = b.stateDir != null ? b.stateDir.toAbsolutePath() : repoRoot.resolve(".learnflow");
        this.dataDir = b.dataDir != null ? b.dataDir.toAbsolutePath() : stateDir.resolve("data");
        this.services = List.copyOf(b.services);
        this.externalKafka = b.externalKafka;
        this.kafkaPort = b.kafkaPort;
        this.kafkaControllerPort = b.kafkaControllerPort;
        this.kafkaPartitions = b.kafkaPartitions;
        this.db = b.db;
        this.healthTimeout = b.healthTimeout;
        this.startConcurrency = b.startConcurrency;
        this.serviceEnv = Map.copyOf(b.serviceEnv);
        this.perServiceEnv = Map.copyOf(b.perServiceEnv);
        this.perServiceJvmOptions = Map.copyOf(b.perServiceJvmOptions);
        this.apiTokens = b.apiTokens;
        this.demoAccounts = b.demoAccounts;
        this.out = b.out;
    }

    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /**
     * What {@code ./learnflow up} does: embedded Kafka unless {@code KAFKA_BOOTSTRAP_SERVERS}, embedded PostgreSQL
     * unless {@code LEARNFLOW_DB_URL}/{@code LEARNFLOW_DB_HOST}, state in {@code <repo>/.learnflow}.
     */
    public static Builder fromEnvironment(Path repoRoot, Map<String, String> env) {
        Builder b = builder(repoRoot);
        String kafka = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka != null && !kafka.isBlank()) {
            b.externalKafka(kafka.trim());
        }
        b.db(DbTarget.fromEnv(env, DEFAULT_POSTGRES_PORT));
        return b;
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }

    public Path runDir() {
        return stateDir.resolve("run");
    }

    public Path keysDir() {
        return stateDir.resolve("keys");
    }

    public Path componentsDir() {
        return repoRoot.resolve("dapr/components");
    }

    public Path daprConfigFile() {
        return repoRoot.resolve("dapr/config.yaml");
    }

    /** The timeouts, retries and circuit breakers every sidecar applies, as daprd does on Kubernetes. */
    public Path resiliencyFile() {
        return repoRoot.resolve("dapr/resiliency.yaml");
    }

    public List<ServiceDef> services() {
        return services;
    }

    public DbTarget db() {
        return db;
    }

    /** Builder for {@link LauncherOptions}. */
    public static final class Builder {
        private final Path repoRoot;
        private Path stateDir;
        private Path dataDir;
        private List<ServiceDef> services = ServiceDef.ALL;
        private String externalKafka;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int kafkaControllerPort = DEFAULT_KAFKA_CONTROLLER_PORT;
        private int kafkaPartitions = DEFAULT_KAFKA_PARTITIONS;
        private DbTarget db = DbTarget.embedded(DEFAULT_POSTGRES_PORT);
        private Duration healthTimeout = Duration.ofMinutes(5);
        private int startConcurrency = Math.max(3, 2 * Runtime.getRuntime().availableProcessors());
        private final Map<String, String> serviceEnv = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> perServiceEnv = new LinkedHashMap<>();
        private final Map<String, List<String>> perServiceJvmOptions = new LinkedHashMap<>();
        private boolean apiTokens = true;
        private boolean demoAccounts = true;
        private PrintStream out = System.out;

        private Builder(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot");
        }

        /** Where logs/, run/, keys/ and (by default) data/ live; default {@code <repo>/.learnflow}. */
        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        /** Embedded Kafka and PostgreSQL data (kept across restarts); default {@code <stateDir>/data}. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Run only these services (default: all ten). */
        public Builder services(List<ServiceDef> services) {
            this.services = List.copyOf(services);
            return this;
        }

        /** Use this Kafka instead of starting one. */
        public Builder externalKafka(String bootstrapServers) {
            this.externalKafka = bootstrapServers;
            return this;
        }

        /** Embedded Kafka client and controller ports (0 = any free port). */
        public Builder kafkaPorts(int port, int controllerPort) {
            this.kafkaPort = port;
            this.kafkaControllerPort = controllerPort;
            return this;
        }

        /** Partitions of the topics the launcher creates (default 1). */
        public Builder kafkaPartitions(int partitions) {
            this.kafkaPartitions = partitions;
            return this;
        }

        public Builder db(DbTarget db) {
            this.db = Objects.requireNonNull(db);
            return this;
        }

        public Builder healthTimeout(Duration timeout) {
            this.healthTimeout = timeout;
            return this;
        }

        /** How many services may be starting (not yet ready) at once (default twice the cores, at least 3). */
        public Builder startConcurrency(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("startConcurrency must be >= 1");
            }
            this.startConcurrency = n;
            return this;
        }

        /** An environment variable for every service. */
        public Builder serviceEnv(String key, String value) {
            this.serviceEnv.put(key, value);
            return this;
        }

        /** An environment variable for one service. */
        public Builder serviceEnv(String service, String key, String value) {
            this.perServiceEnv.computeIfAbsent(service, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /**
         * JVM options for one service, after the defaults (so they win where they repeat one, e.g. a benchmark
         * trying another JIT or heap setting).
         */
        public Builder serviceJvmOptions(String service, List<String> options) {
            this.perServiceJvmOptions.put(service, List.copyOf(options));
            return this;
        }

        /** Per-app DAPR_API_TOKEN / APP_API_TOKEN between each app and its sidecar (default on). */
        public Builder apiTokens(boolean on) {
            this.apiTokens = on;
            return this;
        }

        /** Create/log in the demo student and teacher through the gateway once healthy (default on). */
        public Builder demoAccounts(boolean on) {
            this.demoAccounts = on;
            return this;
        }

        /** Progress output (default System.out). */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        public LauncherOptions build() {
            if (!Files.isDirectory(repoRoot.resolve("dapr"))) {
                throw new IllegalArgumentException(repoRoot + " is not the LearnFlow repository (no dapr/)");
            }
            return new LauncherOptions(this);
        }
    }
}
