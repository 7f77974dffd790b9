package dev.learnflow.local.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

import dev.learnflow.db.Migrations;
import dev.learnflow.local.infra.EmbeddedKafka;
import dev.learnflow.local.infra.EmbeddedPostgres;
import dev.learnflow.local.infra.InfraLogging;
import dev.learnflow.local.infra.KafkaTopics;
import dev.learnflow.local.infra.PostgresDatabases;
import dev.learnflow.local.infra.Topics;

/**
 * The whole local system: embedded (or external) Kafka and PostgreSQL, one local Dapr sidecar per app and the ten
 * services as child JVMs. {@link #start(LauncherOptions)} returns once every service answers
 * {@code /q/health/ready} and every sidecar {@code /v1.0/healthz}; {@link #close()} stops services first, then
 * sidecars, Kafka and PostgreSQL, and leaves no process behind.
 */
public final class Mesh implements AutoCloseable {

    /** Loggers of the in-process sidecars (their log goes to {@code logs/sidecars.log}). */
    static final List<String> SIDECAR_LOGGERS = List.of("dev.learnflow.local.sidecar", "io.grpc", "io.netty",
            "io.vertx");

    private final LauncherOptions o;
    private final PrintStream out;
    private final RunFiles run;
    private final Object lock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch startDone = new CountDownLatch(1);
    private volatile Thread startThread;
    private volatile boolean stopping;
    private boolean closed;

    private EmbeddedKafka kafka;
    private String kafkaBootstrap;
    private EmbeddedPostgres postgres;
    private DbTarget db;
    private SidecarHost sidecarHost;
    private final List<SidecarHost.Running> sidecars = new ArrayList<>();
    private final Map<String, RunningService> services = new LinkedHashMap<>();
    static final java.util.Set<String> APPS_HOSTING_ACTORS = java.util.Set.of("progress");
    private final Map<String, String> daprTokens = new LinkedHashMap<>();
    private final Map<String, String> appTokens = new LinkedHashMap<>();
    private long t0;
    private Duration startupTime;
    private DemoAccounts.Result demo;

    /**
     * A service process and what the launcher knows about it; {@code readyAfterMillis} is the time from the mesh
     * start until the service was ready, -1 if not (yet).
     */
    public record RunningService(ServiceDef def, Process process, Path log, AtomicLong readyAfterMillis) {

        RunningService(ServiceDef def, Process process, Path log) {
            this(def, process, log, new AtomicLong(-1));
        }

        public long pid() {
            return process.pid();
        }

        public boolean alive() {
            return process.isAlive();
        }

        ProcessHandle handle() {
            return process.toHandle();
        }
    }

    /**
     * Memory of the mesh in bytes: resident set sizes (RSS) per part, and the proportional set size (PSS) of all
     * processes together, which counts pages shared between processes (PostgreSQL's shared buffers in every
     * backend, shared libraries) once.
     */
    public record Memory(long launcher, Map<String, Long> services, long postgres, long totalPss) {
        public long servicesTotal() {
            return services.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Sum of the RSS of every process. */
        public long total() {
            return launcher + servicesTotal() + postgres;
        }
    }

    private Mesh(LauncherOptions options) {
        this.o = options;
        this.out = options.out;
        this.run = new RunFiles(options.runDir());
    }

    /** Creates a mesh without starting it (so a shutdown hook can be registered first). */
    public static Mesh create(LauncherOptions options) {
        return new Mesh(options);
    }

    /** Starts everything and waits until healthy; on failure everything already started is stopped again. */
    public static Mesh start(LauncherOptions options) {
        Mesh m = new Mesh(options);
        m.startAll();
        return m;
    }

    /** Starts everything and waits until healthy (see {@link #start(LauncherOptions)}). */
    public void startAll() {
        startThread = Thread.currentThread();
        t0 = System.nanoTime();
        try {
            prepare();
            startInfrastructure();
            startSidecars();
            startServices();
            startupTime = Duration.ofNanos(System.nanoTime() - t0);
            if (o.demoAccounts && services.containsKey("gateway")) {
                demo = DemoAccounts.provision(services.get("gateway").def().url());
                if (demo.ok()) {
                    writeDemoTokens(demo);
                }
            }
            run.writeMesh(describe());
            watchForCrashes();
        } catch (RuntimeException | Error e) {
            startDone.countDown();
            if (!stopping) {
                out.println("LearnFlow failed to start: " + e.getMessage());
            }
            close();
            throw e;
        } finally {
            startDone.countDown();
        }
    }

    // --- steps ------------------------------------------------------------------------------------------------

    private void prepare() {
        try {
            Files.createDirectories(o.logDir());
            Files.createDirectories(o.runDir());
            Files.createDirectories(o.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InfraLogging.routeToFile(SIDECAR_LOGGERS, o.logDir().resolve("sidecars.log"), Level.INFO);
        OptionalLong other = run.readPid(RunFiles.LAUNCHER);
        long self = ProcessHandle.current().pid();
        if (other.isPresent() && other.getAsLong() != self && Processes.isAlive(other.getAsLong())
                && Processes.commandLine(other.getAsLong()).map(c -> c.contains("java")).orElse(true)) {
            throw new IllegalStateException("LearnFlow is already running (launcher pid " + other.getAsLong()
                    + "); stop it first with ./learnflow down");
        }
        stopLeftovers(run, out);
        run.clear();
        run.writePid(RunFiles.LAUNCHER, self);
        List<String> missing = new ArrayList<>();
        for (ServiceDef s : o.services) {
            if (!Files.isRegularFile(s.jar(o.repoRoot))) {
                missing.add(o.repoRoot.relativize(s.jar(o.repoRoot)).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + String.join(", ", missing)
                    + " (run ./learnflow up --build, or mvn -B -DskipTests package)");
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceDef s : o.services) {
            ports.put(s.name(), s.port());
            ports.put(s.name() + " sidecar HTTP", s.sidecarHttpPort());
            ports.put(s.name() + " sidecar gRPC", s.sidecarGrpcPort());
        }
        if (o.externalKafka == null) {
            ports.put("Kafka", o.kafkaPort);
            ports.put("Kafka controller", o.kafkaControllerPort);
        }
        if (o.db.embedded()) {
            ports.put("PostgreSQL", o.db.port());
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (port > 0 && !Prerequisites.canBind(port)) {
                busy.add(what + " " + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", busy)
                    + " (another LearnFlow? try ./learnflow down)");
        }
        out.printf("Starting LearnFlow (%d services) from %s%n", o.services.size(), o.repoRoot);
    }

    private void startInfrastructure() {
        CompletableFuture<Void> pg = CompletableFuture.runAsync(this::startPostgres);
        CompletableFuture<Void> kf = CompletableFuture.runAsync(this::startKafka);
        try {
            CompletableFuture.allOf(pg, kf).join();
        } catch (CompletionException e) {
            // wait for the other one, so that close() sees (and stops) whatever did start
            try {
                pg.exceptionally(x -> null).join();
                kf.exceptionally(x -> null).join();
            } catch (RuntimeException ignored) {
                // already reported
            }
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        checkNotStopping();
    }

    private void startPostgres() {
        long t = System.nanoTime();
        if (o.db.embedded()) {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .dataDir(o.dataDir().resolve("postgres"))
                    .port(o.db.port())
                    .database(o.db.name())
                    .logFile(o.logDir().resolve("postgres.log"))
                    .shutdownHook(false)
                    .start();
            synchronized (lock) {
                postgres = pg;
                db = o.db.withPort(pg.port());
                pg.pid().ifPresent(pid -> run.writePid(RunFiles.POSTGRES, pid));
            }
            int applied = Migrations.migrate(db.jdbcUrl(), db.user(), db.password());
            out.printf("  ✓ PostgreSQL (embedded) %s in %.1f s, %s%n", db.jdbcUrl(), secondsSince(t),
                    applied == 0 ? "schema up to date" : applied + " migrations applied");
        } else {
            DbTarget d = o.db;
            if (!PostgresDatabases.isReachable(d.host(), d.port(), d.user(), d.password())) {
                throw new IllegalStateException("PostgreSQL at " + d.host() + ":" + d.port() + " is not reachable");
            }
            boolean created = PostgresDatabases.ensureDatabase(d.host(), d.port(), d.user(), d.password(), d.name());
            synchronized (lock) {
                db = d;
            }
            int applied = Migrations.migrate(d.jdbcUrl(), d.user(), d.password());
            out.printf("  ✓ PostgreSQL %s%s, %s%n", d.jdbcUrl(), created ? " (database created)" : "",
                    applied == 0 ? "schema up to date" : applied + " migrations applied");
        }
    }

    private void startKafka() {
        long t = System.nanoTime();
        if (o.externalKafka != null) {
            KafkaTopics.ensure(o.externalKafka, Topics.all(), o.kafkaPartitions, (short) 1, Duration.ofSeconds(60));
            synchronized (lock) {
                kafkaBootstrap = o.externalKafka;
            }
            out.printf("  ✓ Kafka %s (external), %d topics ensured%n", kafkaBootstrap, Topics.all().size());
            return;
        }
        EmbeddedKafka k = EmbeddedKafka.builder()
                .port(o.kafkaPort)
                .controllerPort(o.kafkaControllerPort)
                .dataDir(o.dataDir().resolve("kafka"))
                .defaultPartitions(o.kafkaPartitions)
                .logFile(o.logDir().resolve("kafka.log"))
                .start();
        synchronized (lock) {
            kafka = k;
            kafkaBootstrap = k.bootstrapServers();
        }
        k.createTopics(Topics.all());
        out.printf("  ✓ Kafka (embedded) %s with %d topics in %.1f s%n", kafkaBootstrap, Topics.all().size(),
                secondsSince(t));
    }

    private void startSidecars() {
        long t = System.nanoTime();
        SidecarHost host = new LocalSidecarHost();
        synchronized (lock) {
            sidecarHost = host;
        }
        SecureRandom random = new SecureRandom();
        for (ServiceDef s : o.services) {
            checkNotStopping();
            if (o.apiTokens) {
                // The SDK's ActorRuntime opens its sidecar channel without the API token, so an app hosting
                // actors must not be asked for one; the sidecar still proves itself to the app (APP_API_TOKEN).
                if (!APPS_HOSTING_ACTORS.contains(s.name())) {
                    daprTokens.put(s.name(), token(random));
                }
                appTokens.put(s.name(), token(random));
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
            env.put("LEARNFLOW_STATE_CONNECTION_STRING", db.daprConnectionString());
            env.put("NAMESPACE", "default");
            SidecarHost.Spec spec = new SidecarHost.Spec(s.appId(), s.port(), s.sidecarHttpPort(),
                    s.sidecarGrpcPort(), o.componentsDir(), o.daprConfigFile(), o.resiliencyFile(), env,
                    daprTokens.get(s.name()), appTokens.get(s.name()));
            SidecarHost.Running r;
            try {
                r = host.start(spec);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("sidecar of " + s.name() + " failed to start: " + e.getMessage(), e);
            }
            synchronized (lock) {
                sidecars.add(r);
            }
        }
        out.printf("  ✓ %d sidecars (%s) on HTTP %d+i, gRPC %d+i in %.1f s%n", sidecars.size(), host.description(),
                ServiceDef.SIDECAR_HTTP_BASE, ServiceDef.SIDECAR_GRPC_BASE, secondsSince(t));
    }

    private DevKeys keys;
    private String javaBin;

    /**
     * Starts the services, at most {@code o.startConcurrency} still starting at a time (ten JVMs booting at once on
     * two cores only thrash: connection pools time out, nothing gets ready sooner), each next one as soon as one
     * is ready; returns when all are ready.
     */
    private void startServices() {
        keys = DevKeys.ensure(o.keysDir());
        javaBin = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<ServiceDef> pending = new ArrayList<>(o.services);
        long deadline = System.nanoTime() + o.healthTimeout.toNanos();
        Set<String> starting = new LinkedHashSet<>();
        Set<String> sidecarOk = new LinkedHashSet<>();
        long lastReport = System.nanoTime();
        out.printf("  … starting %d services (%d at a time), waiting for /q/health/ready%n", pending.size(),
                o.startConcurrency);
        while (!pending.isEmpty() || !starting.isEmpty()) {
            checkNotStopping();
            while (!pending.isEmpty() && starting.size() < o.startConcurrency) {
                ServiceDef s = pending.remove(0);
                launch(s);
                starting.add(s.name());
            }
            for (String name : List.copyOf(starting)) {
                RunningService rs = services.get(name);
                if (!rs.alive()) {
                    throw new IllegalStateException(name + " exited with code " + rs.process().exitValue()
                            + " during start-up; last lines of " + rs.log() + ":\n" + tail(rs.log(), 25));
                }
                if (!sidecarOk.contains(name) && Health.sidecarHealthy(rs.def().sidecarHttpPort())) {
                    sidecarOk.add(name);
                }
                if (sidecarOk.contains(name) && Health.serviceReady(rs.def().port())) {
                    if (Processes.listensOn(rs.handle(), rs.def().port()).orElse(true).equals(Boolean.FALSE)) {
                        if (!rs.alive()) {
                            continue; // lost the port race and exited: reported on the next round
                        }
                        throw new IllegalStateException("port " + rs.def().port() + " of " + name
                                + " is answered by another program (not pid " + rs.pid() + "); stop it first");
                    }
                    rs.readyAfterMillis().set((System.nanoTime() - t0) / 1_000_000);
                    starting.remove(name);
                    out.printf("  ✓ %-15s ready after %5.1f s%n", name, rs.readyAfterMillis().get() / 1000.0);
                }
            }
            if (pending.isEmpty() && starting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                List<String> notReady = new ArrayList<>(starting);
                pending.forEach(p -> notReady.add(p.name() + " (not started)"));
                StringBuilder sb = new StringBuilder("not ready after " + o.healthTimeout.toSeconds() + " s: "
                        + String.join(", ", notReady));
                for (String name : starting) {
                    RunningService rs = services.get(name);
                    sb.append("\n--- ").append(name).append(": ").append(waitingFor(rs, sidecarOk.contains(name)))
                            .append("\n--- last lines of ").append(rs.log()).append(":\n").append(tail(rs.log(), 15));
                }
                throw new IllegalStateException(sb.toString());
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(20)) {
                lastReport = System.nanoTime();
                // Never wait silently: say what each service still lacks, with its latest log line.
                out.printf("  … still starting (%.0f s):%n", secondsSince(t0));
                for (String name : starting) {
                    RunningService rs = services.get(name);
                    out.printf("      %-15s %s%n", name, waitingFor(rs, sidecarOk.contains(name)));
                    String last = tail(rs.log(), 1).strip();
                    if (!last.isEmpty()) {
                        out.printf("      %-15s log: %s%n", "", abbreviate(last, 160));
                    }
                }
            }
            sleep(250);
        }
    }

    /** What a starting service is waiting for: its sidecar, or its own readiness checks (DOWN ones with data). */
    private static String waitingFor(RunningService rs, boolean sidecarHealthy) {
        if (!sidecarHealthy && !Health.sidecarHealthy(rs.def().sidecarHttpPort())) {
            return "sidecar on " + rs.def().sidecarHttpPort() + " not healthy yet";
        }
        return "/q/health/ready: " + Health.readinessDetail(rs.def().port());
    }

    private static String abbreviate(String line, int max) {
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** The command line of one service: the launcher's JVM flags, then that service's own (they win). */
    static List<String> serviceCommand(String javaBin, LauncherOptions o, ServiceDef s) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin);
        cmd.addAll(LauncherOptions.SERVICE_JVM_OPTIONS);
        cmd.addAll(o.perServiceJvmOptions.getOrDefault(s.name(), List.of()));
        cmd.add("-Dlearnflow.service=" + s.name()); // makes the process easy to find with ps
        cmd.add("-jar");
        cmd.add(s.jar(o.repoRoot).toString());
        return cmd;
    }

    private void launch(ServiceDef s) {
        List<String> cmd = serviceCommand(javaBin, o, s);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(o.repoRoot.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(s.port()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // A busy laptop can take longer than Agroal's default 5 s to hand out the first connection.
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        env.put("DAPR_HTTP_PORT", String.valueOf(s.sidecarHttpPort()));
        env.put("DAPR_GRPC_PORT", String.valueOf(s.sidecarGrpcPort()));
        env.put("DAPR_SIDECAR_IP", "127.0.0.1");
        env.remove("DAPR_HTTP_ENDPOINT");
        env.remove("DAPR_GRPC_ENDPOINT");
        env.remove("DAPR_API_TOKEN");
        env.remove("APP_API_TOKEN");
        if (daprTokens.containsKey(s.name())) {
            env.put("DAPR_API_TOKEN", daprTokens.get(s.name()));
        }
        env.remove("LEARNFLOW_SIDECAR_TRUST_ALLOW_WITHOUT_TOKEN");
        if (appTokens.containsKey(s.name())) {
            env.put("APP_API_TOKEN", appTokens.get(s.name()));
        } else {
            // Tokens switched off (apiTokens(false), e.g. the mesh benchmark): say so explicitly, or the apps
            // would fail closed and refuse every call (platform's SidecarTrustFilter).
            env.put("LEARNFLOW_SIDECAR_TRUST_ALLOW_WITHOUT_TOKEN", "true");
        }
        env.remove("LEARNFLOW_DB_URL");
        env.remove("LEARNFLOW_DB_REACTIVE_URL");
        env.putAll(db.serviceEnv());
        env.putAll(keys.envFor(s.name()));
        env.put("LEARNFLOW_HOME", o.repoRoot.toString());
        // Two glibc malloc arenas instead of up to 8 per core: less native memory per JVM (issue 19), as
        // ./learnflow sets it for itself; a value from the environment wins.
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        env.putAll(o.serviceEnv);
        env.putAll(o.perServiceEnv.getOrDefault(s.name(), Map.of()));
        Path log = o.logDir().resolve(s.name() + ".log");
        rotate(log);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + s.name() + ": " + e.getMessage(), e);
        }
        synchronized (lock) {
            services.put(s.name(), new RunningService(s, p, log));
            run.writePid(s.name(), p.pid());
        }
    }

    private void watchForCrashes() {
        for (RunningService rs : services.values()) {
            rs.process().onExit().thenAccept(p -> {
                if (!stopping) {
                    out.printf("!! %s exited with code %d; see %s%n", rs.def().name(), p.exitValue(), rs.log());
                }
            });
        }
    }

    // --- stop -------------------------------------------------------------------------------------------------

    /** Stops services, then sidecars, Kafka and PostgreSQL. Idempotent; safe from a shutdown hook. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = true;
        }
        try {
            if (startThread != null && Thread.currentThread() != startThread) {
                // Ctrl-C during start-up: let the start thread reach a safe point so nothing starts after this.
                try {
                    startDone.await(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long t = System.nanoTime();
            out.println("Stopping LearnFlow…");
            List<RunningService> svc;
            synchronized (lock) {
                svc = new ArrayList<>(services.values());
            }
            if (!svc.isEmpty()) {
                List<Long> left = Processes.stopTrees(svc.stream().map(RunningService::handle).toList(),
                        LauncherOptions.STOP_TIMEOUT);
                out.printf("  ✓ %d services stopped%s%n", svc.size(),
                        left.isEmpty() ? "" : " (could not kill pids " + left + ")");
            }
            List<SidecarHost.Running> sc;
            synchronized (lock) {
                sc = new ArrayList<>(sidecars);
            }
            Collections.reverse(sc);
            for (SidecarHost.Running r : sc) {
                try {
                    r.close();
                } catch (RuntimeException e) {
                    out.println("  ! sidecar " + r.appId() + ": " + e.getMessage());
                }
            }
            if (sidecarHost != null) {
                try {
                    sidecarHost.close();
                } catch (RuntimeException e) {
                    out.println("  ! sidecars: " + e.getMessage());
                }
            }
            if (!sc.isEmpty()) {
                out.printf("  ✓ %d sidecars stopped%n", sc.size());
            }
            if (kafka != null) {
                try {
                    kafka.close();
                    out.println("  ✓ Kafka stopped");
                } catch (RuntimeException e) {
                    out.println("  ! Kafka: " + e.getMessage());
                }
            }
            if (postgres != null) {
                try {
                    OptionalLong pid = postgres.pid();
                    postgres.close();
                    pid.ifPresent(p -> ProcessHandle.of(p)
                            .ifPresent(h -> Processes.awaitExit(List.of(h), Duration.ofSeconds(10))));
                    out.println("  ✓ PostgreSQL stopped");
                } catch (RuntimeException e) {
                    out.println("  ! PostgreSQL: " + e.getMessage());
                }
            }
            OptionalLong launcher = run.readPid(RunFiles.LAUNCHER);
            if (launcher.isEmpty() || launcher.getAsLong() == ProcessHandle.current().pid()) {
                run.clear();
            }
            out.printf("LearnFlow stopped in %.1f s%n", secondsSince(t));
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #close()} has finished (e.g. from a shutdown hook). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops processes recorded in a run directory by a launcher that is gone (killed with -9, crashed): services
     * ({@code java ... quarkus-run.jar}) and PostgreSQL. Pids now used by unrelated programs are left alone.
     */
    static void stopLeftovers(RunFiles run, PrintStream out) {
        List<ProcessHandle> leftovers = new ArrayList<>();
        run.pids().forEach((name, pid) -> {
            if (RunFiles.LAUNCHER.equals(name) || pid == ProcessHandle.current().pid()) {
                return;
            }
            Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            String cmd = Processes.commandLine(pid).orElse("");
            if (h.isPresent() && (cmd.contains("quarkus-run.jar") || cmd.contains("postgres"))) {
                out.printf("  stopping leftover %s (pid %d)%n", name, pid);
                leftovers.add(h.get());
            }
        });
        if (!leftovers.isEmpty()) {
            Processes.stopTrees(leftovers, Duration.ofSeconds(20));
        }
    }

    // --- faults (for tests that prove nothing is lost) ----------------------------------------------------------

    /** Kills one service at once (SIGKILL, like a crash or an OOM kill), leaving its sidecar running. */
    public void killService(String name) {
        RunningService rs;
        synchronized (lock) {
            rs = services.get(name);
        }
        if (rs == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        rs.process().toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        rs.process().destroyForcibly();
        Processes.awaitExit(List.of(rs.handle()), Duration.ofSeconds(20));
    }

    /** Starts a service that was killed (same port, sidecar, tokens and environment) and waits until it is ready. */
    public void restartService(String name, Duration timeout) {
        ServiceDef def = o.services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
        RunningService old;
        synchronized (lock) {
            old = services.get(name);
        }
        if (old != null && old.alive()) {
            throw new IllegalStateException(name + " still runs");
        }
        launch(def);
        RunningService rs;
        synchronized (lock) {
            rs = services.get(name);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Health.serviceReady(def.port())) {
            if (!rs.alive()) {
                throw new IllegalStateException(name + " exited during restart; last lines of " + rs.log() + ":\n"
                        + tail(rs.log(), 25));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready " + timeout.toSeconds() + " s after restart");
            }
            sleep(250);
        }
    }

    /** Stops the embedded Kafka broker (clients see it gone); {@link #restartKafka} brings it back on the same port. */
    public void stopKafka() {
        requireEmbeddedKafka().stop();
    }

    public void restartKafka() {
        requireEmbeddedKafka().restart();
    }

    private EmbeddedKafka requireEmbeddedKafka() {
        synchronized (lock) {
            if (kafka == null) {
                throw new IllegalStateException("Kafka is external: it cannot be stopped from here");
            }
            return kafka;
        }
    }

    // --- what is running --------------------------------------------------------------------------------------

    /** The started services, in start order. */
    public Map<String, RunningService> services() {
        synchronized (lock) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(services));
        }
    }

    /** Every OS process this mesh owns (services with their descendants, PostgreSQL with its backends). */
    public Set<Long> ownedPids() {
        Set<Long> pids = new LinkedHashSet<>();
        synchronized (lock) {
            for (RunningService rs : services.values()) {
                pids.add(rs.pid());
                rs.handle().descendants().forEach(d -> pids.add(d.pid()));
            }
            if (postgres != null) {
                postgres.pid().ifPresent(p -> {
                    pids.add(p);
                    ProcessHandle.of(p).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
                });
            }
        }
        return pids;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    public DbTarget db() {
        return db;
    }

    public Duration startupTime() {
        return startupTime;
    }

    public Optional<DemoAccounts.Result> demoAccounts() {
        return Optional.ofNullable(demo);
    }

    /** Resident memory now: this JVM (Kafka + sidecars), each service (with children), PostgreSQL. */
    public Memory memory() {
        ProcessHandle self = ProcessHandle.current();
        long launcher = Processes.rssBytes(self.pid()).orElse(0);
        long pss = Processes.pssBytes(self.pid()).orElse(launcher);
        Map<String, Long> svc = new LinkedHashMap<>();
        for (RunningService rs : services().values()) {
            svc.put(rs.def().name(), rs.alive() ? Processes.treeRssBytes(rs.handle()) : 0L);
            pss += rs.alive() ? Processes.treePssBytes(rs.handle()) : 0L;
        }
        long pg = 0;
        if (postgres != null) {
            OptionalLong pid = postgres.pid();
            if (pid.isPresent()) {
                pg = ProcessHandle.of(pid.getAsLong()).map(Processes::treeRssBytes).orElse(0L);
                pss += ProcessHandle.of(pid.getAsLong()).map(Processes::treePssBytes).orElse(0L);
            }
        }
        return new Memory(launcher, svc, pg, pss);
    }

    /**
     * CPU time used so far by every process of the mesh (this JVM, the services, PostgreSQL). Right after start-up
     * this is what starting cost, independent of how busy the machine was: divided by the number of cores it is a
     * lower bound of the start-up time on an otherwise idle machine.
     */
    public Duration cpuTime() {
        Duration d = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        for (RunningService rs : services().values()) {
            if (rs.alive()) {
                d = d.plus(Processes.treeCpu(rs.handle()));
            }
        }
        if (postgres != null) {
            OptionalLong pid = postgres.pid();
            if (pid.isPresent()) {
                d = d.plus(ProcessHandle.of(pid.getAsLong()).map(Processes::treeCpu).orElse(Duration.ZERO));
            }
        }
        return d;
    }

    /** The table printed once the mesh is up. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-15s %-23s %-18s %-8s %s%n";
        sb.append(String.format(fmt, "SERVICE", "URL", "SIDECAR HTTP/gRPC", "PID", "STATUS"));
        for (RunningService rs : services().values()) {
            ServiceDef d = rs.def();
            String status = !rs.alive() ? "exited" : rs.readyAfterMillis().get() >= 0 ? "ready" : "starting";
            sb.append(String.format(fmt, d.name(), d.url(), d.sidecarHttpPort() + "/" + d.sidecarGrpcPort(),
                    rs.pid(), status));
        }
        sb.append('\n');
        sb.append(String.format("Kafka       %s%s%n", kafkaBootstrap,
                kafka != null ? " (embedded, data " + rel(kafka.dataDir()) + ")" : " (external)"));
        sb.append(String.format("PostgreSQL  %s%s%n", db == null ? "?" : db.jdbcUrl(),
                postgres != null ? " (embedded, data " + rel(postgres.dataDir()) + ")" : ""));
        Memory m = memory();
        if (startupTime != null) {
            sb.append(String.format("Started in  %.1f s (CPU time of all processes so far: %.0f s on %d cores)%n",
                    startupTime.toMillis() / 1000.0, cpuTime().toMillis() / 1000.0,
                    Runtime.getRuntime().availableProcessors()));
        }
        sb.append(String.format("Memory      %s RSS (%s PSS) in total: launcher (Kafka + %d sidecars) %s, services %s, "
                + "PostgreSQL %s%n", Processes.formatBytes(m.total()), Processes.formatBytes(m.totalPss()), sidecars.size(),
                Processes.formatBytes(m.launcher()), Processes.formatBytes(m.servicesTotal()),
                postgres != null ? Processes.formatBytes(m.postgres()) : "external"));
        if (services.containsKey("gateway")) {
            sb.append(String.format("API         %s/api/v1  (OpenAPI: %s/q/swagger-ui)%n",
                    services.get("gateway").def().url(), services.get("gateway").def().url()));
        }
        if (demo != null) {
            if (demo.ok()) {
                DemoAccounts.Account t = demo.teacher().get();
                DemoAccounts.Account s = demo.student().get();
                sb.append(String.format("Demo users  %s / %s (teacher), %s / %s (student), tokens valid %d s:%n",
                        t.email(), t.password(), s.email(), s.password(), s.expiresInSeconds()));
                sb.append("  TEACHER_TOKEN=").append(t.accessToken()).append('\n');
                sb.append("  STUDENT_TOKEN=").append(s.accessToken()).append('\n');
                sb.append("  (also in ").append(rel(o.runDir().resolve(RunFiles.DEMO_TOKENS))).append(")\n");
            } else {
                sb.append("Demo users  ").append(demo.message()).append('\n');
            }
        }
        sb.append(String.format("Logs        %s/<service>.log (Kafka: kafka.log, PostgreSQL: postgres.log, sidecars: "
                + "sidecars.log)%n", rel(o.logDir())));
        return sb.toString();
    }

    Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("started.at", Instant.now().toString());
        m.put("launcher.pid", String.valueOf(ProcessHandle.current().pid()));
        m.put("repo.root", o.repoRoot.toString());
        m.put("data.dir", o.dataDir().toString());
        m.put("log.dir", o.logDir().toString());
        m.put("kafka.bootstrap", String.valueOf(kafkaBootstrap));
        m.put("kafka.embedded", String.valueOf(kafka != null));
        m.put("db.url", db == null ? "" : db.jdbcUrl());
        m.put("db.embedded", String.valueOf(postgres != null));
        m.put("db.user", db == null ? "" : db.user());
        m.put("startup.millis", startupTime == null ? "" : String.valueOf(startupTime.toMillis()));
        List<String> names = new ArrayList<>();
        for (RunningService rs : services.values()) {
            ServiceDef d = rs.def();
            names.add(d.name());
            m.put("service." + d.name() + ".port", String.valueOf(d.port()));
            m.put("service." + d.name() + ".sidecar.http", String.valueOf(d.sidecarHttpPort()));
            m.put("service." + d.name() + ".sidecar.grpc", String.valueOf(d.sidecarGrpcPort()));
            if (daprTokens.containsKey(d.name())) {
                // ./learnflow state reads through the sidecar as the app would (mesh.properties is owner-only).
                m.put("service." + d.name() + ".dapr.token", daprTokens.get(d.name()));
            }
        }
        m.put("services", String.join(",", names));
        return m;
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void writeDemoTokens(DemoAccounts.Result r) {
        StringBuilder sb = new StringBuilder("# Demo access tokens of the running local mesh (expire; rerun up).\n");
        r.teacher().ifPresent(t -> sb.append("TEACHER_TOKEN=").append(t.accessToken()).append('\n'));
        r.student().ifPresent(s -> sb.append("STUDENT_TOKEN=").append(s.accessToken()).append('\n'));
        try {
            Files.writeString(o.runDir().resolve(RunFiles.DEMO_TOKENS), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println("  ! cannot write demo-tokens.env: " + e.getMessage());
        }
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new CancellationException("start-up interrupted: stopping");
        }
    }

    private String rel(Path p) {
        try {
            Path cwd = Path.of("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
        } catch (RuntimeException e) {
            return p.toString();
        }
    }

    private static void rotate(Path log) {
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // keep appending
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }

    private static String token(SecureRandom random) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }
}
