package dev.learnflow.bench.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.answers.ReceivedAnswer;
import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.local.infra.PostgresDatabases;
import dev.learnflow.local.launcher.DbTarget;
import dev.learnflow.local.launcher.LauncherOptions;
import dev.learnflow.local.launcher.Mesh;
import dev.learnflow.local.launcher.ServiceDef;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Issue 11's benchmark over the whole local mesh: starts it as {@code ./learnflow up} does, the launcher in a JVM of
 * its own ({@link LauncherProcess}: ten services, ten sidecars, embedded Kafka, a fresh database) and the clients in
 * this one, measures what a client sees, prints one Markdown table with every
 * figure beside its target, writes it to {@code bench/mesh/results/}, and stops the mesh (also on failure).
 *
 * <p>Settings are system properties ({@code mvn ... -Dbench.load.seconds=10}); see the README.
 */
public final class MeshBench {

    static final String GATEWAY = "http://127.0.0.1:8180";
    static final String CONCEPTS = "http://127.0.0.1:8101";
    static final String PROGRESS = "http://127.0.0.1:8106";
    static final String NOTIFICATION = "http://127.0.0.1:8109";
    static final String WEBSOCKET_HTTP = "http://127.0.0.1:8108";
    static final String WEBSOCKET = "ws://127.0.0.1:8108/ws";
    /** The gateway's sidecar: any sidecar publishes for anybody, there are no publishing scopes. */
    static final String SIDECAR = "http://127.0.0.1:3500";
    static final String PASSWORD = "correct horse battery staple";

    static final String BUGGY = "scores = [3, 5, 8]\ntotal = 0\nfor s in scores:\n    total += s\nprint(totl)\n";
    static final List<String> QUESTIONS = List.of(
            "How do I change every item of a list with a for loop?",
            "What is the difference between a list and a tuple?",
            "How does a while loop know when to stop?",
            "What does the return statement do in a function?",
            "How do I read a file line by line?",
            "What is a dictionary and how do I add a key?",
            "When should I use try and except?",
            "How do I import a module from the standard library?",
            "What does break do inside a loop?",
            "How do f-strings format numbers?");
    static final List<String> TOPICS = List.of("variables", "numbers-and-types", "input-and-output", "while-loops",
            "for-loops", "break-and-continue", "defining-functions", "return-values", "try-except",
            "reading-files");

    // settings
    static final int PAIRS = Integer.getInteger("bench.overhead.requests", 1000);
    /**
     * How long the mesh is left quiet after the last measurement before its memory is read again: each JVM gives
     * its heap back after two quiet 5 s samples (platform's IdleHeapRelease).
     */
    static final int MEMORY_SETTLE_SECONDS = Integer.getInteger("bench.memory.settle.seconds", 25);
    static final int EVENTS = Integer.getInteger("bench.events", 1000);
    static final int EVENT_RATE = Integer.getInteger("bench.events.rate", 50);
    static final int SOCKET_CLIENTS = Integer.getInteger("bench.events.clients", 100);
    static final int RUNS = Integer.getInteger("bench.runs", 200);
    static final int ANSWERS = Integer.getInteger("bench.answers", 30);
    static final int SEED_EVENTS = Integer.getInteger("bench.seed.events", 3000);
    static final int QUERIES = Integer.getInteger("bench.queries", 500);
    static final int LOAD_SECONDS = Integer.getInteger("bench.load.seconds", 20);
    static final List<Integer> LEVELS = Stream.of(System.getProperty("bench.load.levels", "1,100,500").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    static final int PARTITIONS = Integer.getInteger("bench.partitions", LauncherOptions.DEFAULT_KAFKA_PARTITIONS);
    static final int INGEST_EVENTS = Integer.getInteger("bench.ingest.events", 3000);
    static final int INGEST_STUDENTS = Integer.getInteger("bench.ingest.students", 100);
    /** Students who also get three failing runs in the ingestion warm-up (a struggle alert each). */
    static final int WARM_UP_STRUGGLERS = 5;
    /** Partition counts for the ingestion curve, each on a mesh of its own; empty = no curve. */
    static final List<Integer> CURVE = Stream.of(System.getProperty("bench.curve", "").split(","))
            .map(String::trim).filter(v -> !v.isEmpty()).map(Integer::valueOf).toList();
    /**
     * {@code all} measurements, or only those named: {@code ingestion} (with the curve), {@code delivery},
     * {@code overhead}, {@code runs} (code execution), {@code load}; the memory row comes with every choice.
     */
    static final String ONLY = System.getProperty("bench.only", "all");
    static final String CODE_EXECUTION = "http://127.0.0.1:8107";
    /** The whole mesh's resident memory (issue 19). */
    static final long MEMORY_TARGET_BYTES = 2L << 30;

    /** A registered user and a current access token. */
    record User(String id, String email, String role, String token) {
    }

    /** A line of the result table. {@code met} is null where there is no pass/fail target. */
    record Row(String measurement, String how, String result, String target, Boolean met) {
    }

    private final Http http = new Http(Duration.ofSeconds(30));
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private DbTarget db;
    private LauncherProcess mesh;
    private CpuMeter cpu;
    private List<String> curve = new ArrayList<>();

    private MeshBench(DbTarget db) {
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        Path root = repoRoot();
        List<String> missing = ServiceDef.ALL.stream().map(s -> s.jar(root)).filter(j -> !Files.isRegularFile(j))
                .map(j -> root.relativize(j).toString()).toList();
        if (!missing.isEmpty()) {
            System.err.println("services not packaged: " + missing + "\nrun `mvn -B -q -DskipTests package` at the "
                    + "repository root first");
            System.exit(2);
        }
        for (String llm : List.of("LEARNFLOW_LLM_API_KEY", "LEARNFLOW_LLM_BASE_URL")) {
            // The services inherit this environment; the bench measures the offline tutor (run.sh unsets these).
            if (System.getenv(llm) != null) {
                System.err.println(llm + " is set: unset it, the bench measures the offline tutor (no LLM)");
                System.exit(2);
            }
        }
        Path state = root.resolve("bench/mesh/target/mesh");
        List<String> curve = new ArrayList<>();
        deleteRecursively(state);
        DbTarget db = database();
        String loadAtStart = loadAverage();
        Instant startedAt = Instant.now();
        // The curve starts from its smallest partition count and grows the topic between its points.
        // The launcher in a JVM of its own, as `./learnflow up` runs it; the clients stay in this one.
        LauncherProcess mesh = new LauncherProcess(root, state, db, CURVE.isEmpty() ? PARTITIONS : CURVE.get(0));
        Thread hook = new Thread(mesh::close, "bench-mesh-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = 0;
        MeshBench bench = new MeshBench(db);
        bench.mesh = mesh;
        bench.cpu = new CpuMeter(mesh, db);
        bench.curve = curve;
        String header = null;
        try {
            mesh.startAll();
            if (db.embedded()) {
                db = db.withPort(mesh.dbPort());
                bench.db = db;
                bench.cpu.db(db);
            }
            header = header(mesh, db, loadAtStart, startedAt);
            System.out.println(header);
            bench.runAll();
        } catch (Throwable e) {
            exit = 1;
            System.err.println("bench failed: " + e);
            e.printStackTrace();
            bench.notes.add("**The run failed**: " + e);
        } finally {
            String loadAtEnd = loadAverage();
            Map<String, Long> logsAtStop = LogSummary.sizes(state.resolve("logs"));
            mesh.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
            if (!db.embedded()) {
                try {
                    PostgresDatabases.dropDatabase(db.host(), db.port(), db.user(), db.password(), db.name());
                } catch (RuntimeException e) {
                    System.err.println("could not drop " + db.name() + ": " + e.getMessage());
                }
            }
            if (header == null) {
                header = "Mesh did not start (" + startedAt + "); machine " + machine(loadAtStart);
            }
            String report = bench.report(header + "\nLoad average at the end: " + loadAtEnd + "\n",
                    LogSummary.of(state.resolve("logs"), logsAtStop));
            if (!bench.curve.isEmpty()) {
                report = report + "\n" + curveTable(bench.curve);
            }
            System.out.println();
            System.out.println(report);
            Path results = root.resolve(System.getProperty("bench.results", "bench/mesh/results"));
            Files.createDirectories(results);
            Files.writeString(results.resolve("latest.md"), report);
            String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(startedAt);
            Files.writeString(results.resolve(stamp + ".md"), report);
            System.out.println("written to " + root.relativize(results.resolve("latest.md")) + " and "
                    + root.relativize(results.resolve(stamp + ".md")) + "; mesh logs in "
                    + root.relativize(state.resolve("logs")));
        }
        System.exit(exit);
    }

    static LauncherOptions options(Path root, Path state, DbTarget db, int partitions) {
        LauncherOptions.Builder b = LauncherOptions.builder(root)
                .stateDir(state)
                .kafkaPorts(0, 0)
                .kafkaPartitions(partitions)
                .db(db)
                .apiTokens(false)
                .demoAccounts(false)
                .serviceEnv("gateway", "LEARNFLOW_GATEWAY_RATE_LIMIT_CAPACITY", "1000000")
                .serviceEnv("gateway", "LEARNFLOW_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND", "1000000")
                // Registration is not measured; 1 000+ bcrypt(10) hashes would cost minutes of the 2 cores.
                .serviceEnv("gateway", "LEARNFLOW_GATEWAY_BCRYPT_COST", "4")
                .healthTimeout(Duration.ofMinutes(10));
        // BENCH_<SERVICE>_JAVA_TOOL_OPTIONS (e.g. BENCH_PROGRESS_..., BENCH_CODE_EXECUTION_...): e.g. a JFR
        // recording of that service (see README, profiles)
        for (ServiceDef service : ServiceDef.ALL) {
            String options = System.getenv("BENCH_" + service.name().toUpperCase(Locale.ROOT).replace('-', '_')
                    + "_JAVA_TOOL_OPTIONS");
            if (options != null && !options.isBlank()) {
                b.serviceEnv(service.name(), "JAVA_TOOL_OPTIONS", options);
            }
            // BENCH_<SERVICE>_JVM_OPTIONS: after the launcher's flags, so they can replace one (JAVA_TOOL_OPTIONS
            // cannot: the command line wins over it)
            String jvm = System.getenv("BENCH_" + service.name().toUpperCase(Locale.ROOT).replace('-', '_')
                    + "_JVM_OPTIONS");
            if (jvm != null && !jvm.isBlank()) {
                b.serviceJvmOptions(service.name(), List.of(jvm.trim().split("\\s+")));
            }
        }
        return b.build();
    }

    /**
     * Grows {@code progress.events} to {@code partitions} partitions (never shrinks) and waits until the progress
     * sidecar's consumer group has been assigned all of them (the sidecar's consumer refreshes topic metadata every
     * few seconds).
     */
    private void growProgressTopic(int partitions) throws Exception {
        String topic = EventTopic.PROGRESS_EVENTS.topic();
        dev.learnflow.local.infra.KafkaTopics.ensure(mesh.kafkaBootstrapServers(), List.of(topic), partitions,
                (short) 1, Duration.ofSeconds(60));
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                "bootstrap.servers", mesh.kafkaBootstrapServers()))) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (true) {
                long owned = admin.describeConsumerGroups(List.of("progress")).all().get(30, TimeUnit.SECONDS)
                        .get("progress").members().stream()
                        .flatMap(m -> m.assignment().topicPartitions().stream())
                        .filter(tp -> tp.topic().equals(topic)).count();
                if (owned >= partitions) {
                    progress("curve: %s has %d partition(s), all assigned to progress", topic, partitions);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("progress owns " + owned + " of " + partitions + " partitions");
                }
                Thread.sleep(500);
            }
        }
    }

    private static String curveTable(List<String> lines) {
        StringBuilder sb = new StringBuilder("### Progress ingestion against partitions\n\n")
                .append("One mesh; before each line `progress.events` is grown to that many partitions and the "
                        + "bench waits until the progress sidecar's consumer owns them all; ").append(INGEST_EVENTS)
                .append(" `progress.events` over ").append(INGEST_STUDENTS)
                .append(" students (partitionKey = student), published through a sidecar as fast as it accepts them "
                        + "(32 in flight) until all are in `event_log`. CPU = all processes of the mesh and the bench "
                        + "(launcher JVM with Kafka and sidecars, services, bench JVM with the clients; not PostgreSQL, "
                        + "which is the machine's) per "
                        + "1 000 events. Machine: ").append(machine(null)).append(".\n\n")
                .append("| partitions | events | students | events/s | CPU s / 1 000 events | exactly once | load "
                        + "average (start → end) |\n|---|---|---|---|---|---|---|\n");
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    // --- the measurements -----------------------------------------------------------------------------------------

    private void runAll() throws Exception {
        Mesh.Memory idle = mesh.memory();
        long benchIdle = LauncherProcess.benchRssBytes();
        try {
            runMeasurements();
        } finally {
            Mesh.Memory atOnce = mesh.memory();
            long benchAtOnce = LauncherProcess.benchRssBytes();
            progress("memory: %d s of quiet for the heaps to be given back", MEMORY_SETTLE_SECONDS);
            Thread.sleep(MEMORY_SETTLE_SECONDS * 1000L);
            memoryRow(idle, benchIdle, atOnce, benchAtOnce, mesh.memory(), LauncherProcess.benchRssBytes());
        }
    }

    private static boolean only(String what) {
        return List.of(ONLY.split(",")).stream().map(String::trim).anyMatch(what::equals);
    }

    private void runMeasurements() throws Exception {
        User teacher = register("teacher", "Bench Teacher", null);
        notes.add("CPU of the idle mesh (10 s right after start-up, nothing asked of it): " + cpu.measureIdle(10)
                + "; the CPU figures below also say how much is above that.");
        if (!ONLY.equals("all")) {
            if (only("overhead") || only("runs") || only("answers")) {
                User user = register("student", "Bench Asker", teacher.id());
                if (only("overhead")) {
                    gatewayOverhead(user);
                }
                if (only("runs")) {
                    codeExecution(user);
                }
                if (only("answers")) {
                    agentAnswers(login(user));
                }
            }
            if (only("delivery")) {
                eventDelivery(registerMany(SOCKET_CLIENTS, "Socket", teacher.id()));
            }
            if (only("load")) {
                load(teacher);
            }
            if (!only("ingestion")) {
                return;
            }
            if (CURVE.isEmpty()) {
                ingestionRow(registerMany(INGEST_STUDENTS, "Ingest", teacher.id()));
            }
            for (int partitions : CURVE) {
                growProgressTopic(partitions);
                // fresh students per point: every point starts from new actors and counts only its own rows
                List<User> students = registerMany(INGEST_STUDENTS, "Curve " + partitions, teacher.id());
                String loadAtStart = loadAverage();
                Ingestion r = ingestion(students, partitions);
                curve.add(String.format(Locale.ROOT, "| %d | %d | %d | %.0f | %.2f | %s | %s → %s |", partitions,
                        r.events(), r.students(), r.perSecond(), r.cpuSecondsPer1000(), r.exactlyOnce(), loadAtStart,
                        loadAverage()));
            }
            return;
        }
        User asker = register("student", "Bench Asker", teacher.id());
        User heavy = register("student", "Bench Heavy", teacher.id());
        progress("registered a teacher and two students");

        gatewayOverhead(asker);
        List<User> socketUsers = registerMany(SOCKET_CLIENTS, "Socket", teacher.id());
        eventDelivery(socketUsers);
        codeExecution(login(asker));
        agentAnswers(login(asker));
        ingestionRow(registerMany(INGEST_STUDENTS, "Ingest", teacher.id()));
        seed(teacher, heavy, socketUsers);
        indexedQueries(login(teacher), login(heavy));
        load(teacher);
    }

    /** The same GET through the gateway (JWT, rate limit, gateway sidecar → concepts sidecar) and on the service. */
    private void gatewayOverhead(User user) {
        progress("gateway overhead: %d pairs", PAIRS);
        Map<String, String> identity = Map.of("x-learnflow-user", user.id(), "x-learnflow-roles", "student");
        Stats viaGateway = new Stats();
        Stats direct = new Stats();
        for (int i = 0; i < 200 + PAIRS; i++) {
            boolean measured = i >= 200;
            // alternate which goes first so neither always finds the caches and the CPU the other left behind
            if (i % 2 == 0) {
                timed(measured ? viaGateway : null, http.get(GATEWAY + "/api/v1/curriculum/modules", user.token()));
                timed(measured ? direct : null, http.get(CONCEPTS + "/internal/curriculum/modules", identity));
            } else {
                timed(measured ? direct : null, http.get(CONCEPTS + "/internal/curriculum/modules", identity));
                timed(measured ? viaGateway : null, http.get(GATEWAY + "/api/v1/curriculum/modules", user.token()));
            }
        }
        double o50 = viaGateway.ms(50) - direct.ms(50);
        double o99 = viaGateway.ms(99) - direct.ms(99);
        // CPU: the same number of gateway requests alone, then direct ones alone; the difference is the routing's
        CpuMeter.Snapshot c0 = cpu.take();
        for (int i = 0; i < PAIRS; i++) {
            http.get(GATEWAY + "/api/v1/curriculum/modules", user.token());
        }
        CpuMeter.Snapshot c1 = cpu.take();
        for (int i = 0; i < PAIRS; i++) {
            http.get(CONCEPTS + "/internal/curriculum/modules", identity);
        }
        CpuMeter.Snapshot c2 = cpu.take();
        notes.add("CPU of the overhead row: via gateway " + cpu.per1000(c0, c1, PAIRS) + "; direct "
                + cpu.per1000(c1, c2, PAIRS));
        rows.add(new Row("Gateway routing overhead",
                "`GET /api/v1/curriculum/modules` via gateway vs `GET :8101/internal/curriculum/modules` with "
                        + "identity headers, " + PAIRS + " interleaved pairs, sequential",
                String.format(Locale.ROOT, "gateway p50 %s / p99 %s ms; direct p50 %s / p99 %s ms; **overhead p50 "
                                + "%s / p99 %s ms**%s", Stats.fmt(viaGateway.ms(50)), Stats.fmt(viaGateway.ms(99)),
                        Stats.fmt(direct.ms(50)), Stats.fmt(direct.ms(99)), Stats.fmt(o50), Stats.fmt(o99),
                        errors(viaGateway, direct)),
                "overhead p50 ≤ 2 / p99 ≤ 5 ms (issue 19)", o50 <= 2 && o99 <= 5 && viaGateway.errorCount() == 0));
    }

    /** learning.responses published through a sidecar until the user's socket has it; and the socket hop alone. */
    private void eventDelivery(List<User> users) throws Exception {
        progress("event delivery: opening %d sockets", users.size());
        List<UserSocket> sockets = openSockets(users);
        try {
            progress("event delivery: warm-up");
            deliver(users, sockets, 200, true, new Stats(), new Stats());
            deliver(users, sockets, 200, false, new Stats(), new Stats());
            progress("event delivery: %d events at %d/s through Kafka", EVENTS, EVENT_RATE);
            Stats kafka = new Stats();
            Stats accepted = new Stats();
            deliver(users, sockets, EVENTS, true, kafka, accepted);
            progress("event delivery: %d pushes at %d/s straight to the websocket service", EVENTS, EVENT_RATE);
            Stats hop = new Stats();
            Stats hopAccepted = new Stats();
            deliver(users, sockets, EVENTS, false, hop, hopAccepted);
            rows.add(new Row("Publish → handler (socket), full path",
                    "`POST :3500/v1.0/publish/kafka-pubsub/learning.responses` (CloudEvent, `LearningResponded`, "
                            + "partitionKey = user) → Kafka (" + meshPartitions() + " partition"
                            + (meshPartitions() > 1 ? "s" : "") + ") → websocket sidecar → service → user's socket; " + users.size()
                            + " connected clients, " + EVENTS + " events at " + EVENT_RATE + "/s, random user each",
                    String.format(Locale.ROOT, "p50 %s / p99 %s / max %s ms; publish accepted p50 %s / p99 %s ms; "
                                    + "lost %d%s", Stats.fmt(kafka.ms(50)), Stats.fmt(kafka.ms(99)),
                            Stats.fmt(kafka.maxMs()), Stats.fmt(accepted.ms(50)), Stats.fmt(accepted.ms(99)),
                            kafka.calls() - kafka.count(), errors(accepted)),
                    "p99 < 30 ms (issue 9's goal, set for the socket hop below)",
                    kafka.ms(99) < 30 && kafka.errorCount() == 0));
            rows.add(new Row("Socket hop alone (issue 9's measure)",
                    "`POST :8108/internal/notifications` (what notification pushes; what a sidecar hands over) → "
                            + "user's socket; same clients, events and rate",
                    String.format(Locale.ROOT, "p50 %s / p99 %s / max %s ms; lost %d%s", Stats.fmt(hop.ms(50)),
                            Stats.fmt(hop.ms(99)), Stats.fmt(hop.maxMs()), hop.calls() - hop.count(),
                            errors(hopAccepted)),
                    "p99 < 30 ms (issue 9)", hop.ms(99) < 30 && hop.errorCount() == 0));
        } finally {
            sockets.forEach(UserSocket::close);
        }
    }

    private void deliver(List<User> users, List<UserSocket> sockets, int events, boolean viaKafka, Stats latency,
                         Stats accepted) throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / EVENT_RATE;
        long start = System.nanoTime();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int who = ThreadLocalRandom.current().nextInt(users.size());
            User user = users.get(who);
            UserSocket socket = sockets.get(who);
            UUID requestId = UUID.randomUUID();
            LearningResponded answer = new LearningResponded(requestId, UUID.fromString(user.id()), null,
                    ResponseKind.CONCEPT, "concepts", "A list is an ordered, mutable sequence.", ReceivedAnswer.EMPTY,
                    Instant.now());
            HttpRequest request = viaKafka
                    ? http.postRequest(SIDECAR + "/v1.0/publish/" + EventTopic.PUBSUB_NAME + "/"
                            + EventTopic.LEARNING_RESPONSES.topic() + "?metadata.partitionKey=" + user.id(), Map.of(),
                    CloudEvent.MEDIA_TYPE, CloudEvent.of(EventTopic.LEARNING_RESPONSES, "concepts", answer))
                    : http.postRequest(WEBSOCKET_HTTP + "/internal/notifications",
                    Map.of("dapr-caller-app-id", "notification"), "application/json",
                    Map.of("id", UUID.randomUUID().toString(), "type", "learning.response", "correlationId",
                            requestId.toString(), "recipients", List.of(user.id()), "payload", answer));
            CompletableFuture<UserSocket.Arrival> arrival = socket.answer(requestId.toString());
            long sent = System.nanoTime();
            http.sendAsync(request).thenAccept(r -> {
                if (r.ok()) {
                    accepted.record(r.micros());
                } else {
                    accepted.error(r.errorKind(), r.toString(), r.micros());
                }
            });
            pending.add(arrival.thenAccept(a -> latency.record(TimeUnit.NANOSECONDS.toMicros(a.nanos() - sent))));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            long lost = pending.stream().filter(f -> !f.isDone()).count();
            for (int i = 0; i < lost; i++) {
                latency.lost("lost");
            }
        }
    }

    /** Hello world through the gateway into the sandbox, one after the other. */
    private void codeExecution(User user) {
        progress("code execution: %d runs", RUNS);
        Stats stats = new Stats();
        Map<String, String> body = Map.of("code", "print('hello, world')");
        Map<String, String> identity = Map.of("x-learnflow-user", user.id(), "x-learnflow-roles", "student");
        Stats direct = new Stats();
        CpuMeter.Snapshot c0 = null;
        for (int i = 0; i < 20 + RUNS; i++) {
            if (i == 20) {
                c0 = cpu.take();
            }
            Http.Reply r = http.post(GATEWAY + "/api/v1/runs", user.token(), body);
            if (i >= 20) {
                recordRun(stats, r);
            }
        }
        CpuMeter.Snapshot c1 = cpu.take();
        // the service alone (its sandbox), for the split: how much of a run is the sandbox, how much the routing
        for (int i = 0; i < 10 + RUNS / 2; i++) {
            Http.Reply r = http.send(http.postRequest(CODE_EXECUTION + "/internal/runs", identity,
                    "application/json", body));
            if (i >= 10) {
                recordRun(direct, r);
            }
        }
        notes.add("CPU of the code execution row (via gateway, the sandboxes included): "
                + cpu.per1000(c0, c1, RUNS).replace("requests", "runs"));
        rows.add(new Row("Code execution", "`POST /api/v1/runs` `print('hello, world')` via gateway → "
                + "code-execution (bubblewrap sandbox, python3), " + RUNS + " sequential after 20 warm-up; direct = "
                + "`POST :8107/internal/runs`, " + RUNS / 2 + " after 10",
                String.format(Locale.ROOT, "**p50 %s** / p90 %s / p99 %s ms%s; direct p50 %s / p90 %s / p99 %s ms",
                        Stats.fmt(stats.ms(50)), Stats.fmt(stats.ms(90)), Stats.fmt(stats.ms(99)), errors(stats),
                        Stats.fmt(direct.ms(50)), Stats.fmt(direct.ms(90)), Stats.fmt(direct.ms(99))),
                "p50 ≤ 30 ms (issue 19)", stats.ms(50) <= 30 && stats.errorCount() == 0));
    }

    private static void recordRun(Stats stats, Http.Reply r) {
        if (r.ok() && "ok".equals(r.json().path("status").asText())) {
            stats.record(r.micros());
        } else {
            stats.error(r.ok() ? "status " + r.json().path("status").asText() : r.errorKind(), r.toString(),
                    r.micros());
        }
    }

    /**
     * Resident memory of the whole mesh as {@code ./learnflow up} runs it (the launcher JVM with sidecars and Kafka,
     * the ten services with their children), when it was idle after start-up, right after the measurements and once
     * it has been quiet for {@link #MEMORY_SETTLE_SECONDS}; the bench JVM (the clients) beside it, not counted.
     */
    private void memoryRow(Mesh.Memory idle, long benchIdle, Mesh.Memory atOnce, long benchAtOnce, Mesh.Memory settled,
                           long benchSettled) {
        java.util.function.BiFunction<Mesh.Memory, Long, String> parts = (m, bench) -> String.format(Locale.ROOT,
                "%s (launcher JVM with sidecars and Kafka %s; services %s%s; not counted: bench JVM with the clients "
                        + "%s)", gib(m.total()), gib(m.launcher()), gib(m.servicesTotal()),
                m.postgres() > 0 ? "; embedded PostgreSQL " + gib(m.postgres()) : "", gib(bench));
        java.util.function.Function<Mesh.Memory, String> largest = m -> {
            StringBuilder b = new StringBuilder();
            m.services().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> b.append(b.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                            .append(e.getValue() >> 20).append(" MiB"));
            return b.toString();
        };
        rows.add(new Row("Memory of the whole mesh (RSS)", "resident set of the mesh as `./learnflow up` runs it: the "
                + "launcher JVM (ten sidecars, Kafka; `" + LauncherProcess.javaOpts() + "`) plus the ten services with "
                + "their children (and an embedded PostgreSQL; the machine's PostgreSQL, where the bench's database is, is "
                + "not counted), when idle after start-up, at once after the measurements (the 500-user level's end) and "
                + "after " + MEMORY_SETTLE_SECONDS + " s of quiet (each JVM gives back heap it no longer needs once quiet); "
                + "the bench JVM, which hosts only the bench's clients, is given beside it and not counted; PSS (of the "
                + "counted processes) counts shared pages once",
                "idle " + parts.apply(idle, benchIdle) + "; at once after the load " + parts.apply(atOnce, benchAtOnce)
                        + ", services largest first: " + largest.apply(atOnce) + "; **after " + MEMORY_SETTLE_SECONDS
                        + " s of quiet " + parts.apply(settled, benchSettled) + "**, PSS " + gib(settled.totalPss())
                        + "; services largest first: " + largest.apply(settled),
                "≤ 2 GiB (issue 19)", settled.total() <= MEMORY_TARGET_BYTES));
    }

    /** CPU time so far of the mesh (launcher JVM, services, an embedded PostgreSQL) and of this JVM (the clients). */
    private long allCpuMillis() {
        return mesh.cpuTime().toMillis()
                + ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }

    /** Offline tutor: question / debug request through the gateway until the answer is on the user's socket. */
    private void agentAnswers(User user) throws Exception {
        progress("agent answers: %d questions and %d debug requests", ANSWERS, ANSWERS);
        UserSocket socket = UserSocket.openAsync(http.client(), WEBSOCKET, user.token()).get(90, TimeUnit.SECONDS);
        try {
            Http.Reply run = http.post(GATEWAY + "/api/v1/runs", user.token(), Map.of("code", BUGGY));
            String traceback = run.json().path("stderr").asText(
                    "Traceback (most recent call last):\n  File \"main.py\", line 5, in <module>\n"
                            + "NameError: name 'totl' is not defined");
            Map<String, Long> kinds = new TreeMap<>();
            for (int i = 0; i < 5; i++) { // warm-up: models loaded, JIT, consumer groups settled
                ask(socket, user, "/api/v1/questions", Map.of("question", QUESTIONS.get(i)), new Stats(), kinds);
                ask(socket, user, "/api/v1/debug", Map.of("code", BUGGY, "error", traceback, "hintLevel", 1),
                        new Stats(), kinds);
            }
            kinds.clear();
            Stats questions = new Stats();
            CpuMeter.Snapshot q0 = cpu.take();
            for (int i = 0; i < ANSWERS; i++) {
                ask(socket, user, "/api/v1/questions", Map.of("question", QUESTIONS.get(i % QUESTIONS.size())),
                        questions, kinds);
            }
            // sequential on an otherwise quiet mesh: what one answer costs, steadier than the latencies
            notes.add("CPU of the concept-question row: " + cpu.per1000(q0, cpu.take(), ANSWERS)
                    .replace("requests", "questions"));
            String questionKinds = kinds.toString();
            kinds.clear();
            Stats debug = new Stats();
            CpuMeter.Snapshot d0 = cpu.take();
            for (int i = 0; i < ANSWERS; i++) {
                ask(socket, user, "/api/v1/debug", Map.of("code", BUGGY, "error", traceback, "hintLevel",
                        1 + i % 3), debug, kinds);
            }
            notes.add("CPU of the debug-request row: " + cpu.per1000(d0, cpu.take(), ANSWERS)
                    .replace("requests", "debug requests"));
            rows.add(new Row("Offline agent answer: concept question",
                    "`POST /api/v1/questions` → 202 … `learning.response` on the socket (gateway → triage → "
                            + "concepts.requests → concepts → learning.responses → websocket), " + ANSWERS
                            + " sequential, warm; answer kinds " + questionKinds,
                    answerResult(questions), "p95 < 2 s (SC-001)",
                    questions.ms(95) < 2000 && questions.errorCount() == 0));
            rows.add(new Row("Offline agent answer: debug request",
                    "`POST /api/v1/debug` (NameError traceback, hint level 1–3) → answer on the socket (triage → "
                            + "debug.requests → debug → learning.responses → websocket), " + ANSWERS
                            + " sequential, warm; answer kinds " + kinds,
                    answerResult(debug), "p95 < 2 s (SC-001)", debug.ms(95) < 2000 && debug.errorCount() == 0));
        } finally {
            socket.close();
        }
    }

    private static String answerResult(Stats s) {
        return String.format(Locale.ROOT, "p50 %s / **p95 %s** / p99 %s / max %s ms%s", Stats.fmt(s.ms(50)),
                Stats.fmt(s.ms(95)), Stats.fmt(s.ms(99)), Stats.fmt(s.maxMs()), errors(s));
    }

    private void ask(UserSocket socket, User user, String path, Object body, Stats stats, Map<String, Long> kinds)
            throws InterruptedException {
        long t = System.nanoTime();
        Http.Reply r = http.post(GATEWAY + path, user.token(), body);
        if (r.status() != 202) {
            stats.error(r.errorKind(), r.toString(), r.micros());
            return;
        }
        String requestId = r.json().path("requestId").asText();
        try {
            UserSocket.Arrival a = socket.answer(requestId).get(30, TimeUnit.SECONDS);
            stats.record(TimeUnit.NANOSECONDS.toMicros(a.nanos() - t));
            kinds.merge(a.message().path("payload").path("kind").asText("?"), 1L, Long::sum);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            stats.lost("no answer within 30 s");
        } finally {
            socket.forget(requestId);
        }
    }

    /** What one ingestion run measured; {@code warmUp*} is the uncounted first round on fresh students. */
    record Ingestion(int events, int students, double perSecond, double cpuSecondsPer1000, String exactlyOnce,
                     double publishSeconds, int warmUpEvents, double warmUpSeconds) {
    }

    private void ingestionRow(List<User> students) throws Exception {
        Ingestion r = ingestion(students, PARTITIONS);
        rows.add(new Row("Progress ingestion, sustained",
                "after an uncounted warm-up round (one event per student and three runs failing with NameError for "
                        + WARM_UP_STRUGGLERS + " of them, waited for until stored in `event_log` and their struggle "
                        + "alerts raised), "
                        + INGEST_EVENTS + " `progress.events` (60 % runs, 20 % failed and 20 % passed exercises) over "
                        + "the same " + r.students() + " students, partitionKey = student, published through a "
                        + "sidecar (32 in flight) → Kafka (" + PARTITIONS + " partition" + (PARTITIONS > 1 ? "s" : "")
                        + ") → progress sidecar → progress (StudentActor turn, `progress`, `event_log`); timed from "
                        + "the first publish after the warm-up until every event is in `event_log`; exactly once "
                        + "checked over all events, warm-up included; the cold first round is in the notes",
                String.format(Locale.ROOT, "**%.0f events/s** (published in %.1f s); %.2f CPU s per 1 000 events "
                        + "(all mesh processes); exactly once: %s; cold warm-up round: %d events in %.1f s",
                        r.perSecond(), r.publishSeconds(), r.cpuSecondsPer1000(), r.exactlyOnce(), r.warmUpEvents(),
                        r.warmUpSeconds()),
                ">= 500 events/s, exactly once", r.perSecond() >= 500 && r.exactlyOnce().startsWith("yes")));
    }

    /**
     * Warms the path up with one event per student (fresh actors, first account lookups, first turns, class loading:
     * not what "sustained" means; timed and noted as the cold figure, not counted), then publishes
     * {@link #INGEST_EVENTS} progress events round-robin over the same students, keyed by student, waits until all
     * are in event_log, then checks over both rounds that nothing was applied twice or lost: event_log holds each
     * event once, and every (student, topic) has exactly as many graded attempts in {@code progress} as were
     * published.
     */
    Ingestion ingestion(List<User> students, int partitions) throws Exception {
        List<String> ids = students.stream().map(User::id).toList();
        Map<String, Integer> expectedAttempts = new java.util.HashMap<>();
        AtomicInteger failed = new AtomicInteger();
        String[] failure = new String[1];
        // Warm-up: one event per student, and for the first few students three runs failing with the same error,
        // so that the struggle path (struggle.detected → notification's alert and its push to websocket) is warm
        // too; otherwise notification's first alerts (thousands of classes loaded) land in the timed round.
        List<String> strugglers = ids.subList(0, Math.min(WARM_UP_STRUGGLERS, ids.size()));
        int warmUp = ids.size() + 3 * strugglers.size();
        progress("ingestion warm-up: %d events (one per student, 3 × NameError for %d of them), %d partition(s)",
                warmUp, strugglers.size(), partitions);
        try (Connection c = PostgresDatabases.connect(db.host(), db.port(), db.user(), db.password(), db.name())) {
            long w0 = System.nanoTime();
            publishProgress(ids, 0, ids.size(), expectedAttempts, failed, failure);
            // One round at a time, each awaited: a student's three runs reach progress in the order of their times
            // (the rule counts errors up to the event's own time; publishes in flight together may swap).
            Semaphore inFlight = new Semaphore(32);
            for (int k = 0; k < 3; k++) {
                for (String user : strugglers) {
                    publish(EventTopic.PROGRESS_EVENTS, user, CloudEvent.of(EventTopic.PROGRESS_EVENTS,
                            "code-execution", failedRun(UUID.fromString(user), "NameError")), inFlight, failed,
                            failure);
                }
                inFlight.acquire(32);
                inFlight.release(32);
            }
            long warmStored = waitStored(c, ids, warmUp - failed.get(), "warm-up");
            double storedSeconds = (System.nanoTime() - w0) / 1e9;
            long warmAlerts = waitAlerts(c, strugglers, strugglers.size());
            double warmUpSeconds = (System.nanoTime() - w0) / 1e9;
            notes.add(String.format(Locale.ROOT, "Ingestion cold (%d partition(s)): the warm-up round, the first "
                    + "events of %d fresh students on this mesh (one each, and three runs failing with NameError for "
                    + "%d of them), %d stored in %.1f s (%.0f events/s), their %d struggle alerts raised after %.1f "
                    + "s; not counted in the sustained figure.", partitions, ids.size(), strugglers.size(),
                    warmStored, storedSeconds, warmStored / storedSeconds, warmAlerts, warmUpSeconds));
            progress("ingestion warm-up: %d stored in %.1f s, %d alerts after %.1f s", warmStored, storedSeconds,
                    warmAlerts, warmUpSeconds);

            progress("ingestion: %d events over %d students, %d partition(s)", INGEST_EVENTS, ids.size(), partitions);
            long cpu0 = allCpuMillis();
            CpuMeter.Snapshot parts0 = cpu.take();
            long t0 = System.nanoTime();
            publishProgress(ids, warmUp, INGEST_EVENTS, expectedAttempts, failed, failure);
            double publishSeconds = (System.nanoTime() - t0) / 1e9;
            long all = waitStored(c, ids, warmUp + INGEST_EVENTS - failed.get(), "ingestion");
            double seconds = (System.nanoTime() - t0) / 1e9;
            long stored = all - warmStored;
            long cpuMillis = allCpuMillis() - cpu0;
            // Where the CPU went (per event; "requests" in the meter's words), publishing included.
            notes.add(String.format(Locale.ROOT, "CPU of the ingestion (%d partition(s), load average %s): %s",
                    partitions, loadAverage(), cpu.per1000(parts0, cpu.take(), Math.max(1, stored))));
            Map<String, Integer> actual = new java.util.HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select user_id::text, topic_id, attempts from progress "
                    + "where user_id = any(?)")) {
                s.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        actual.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
                    }
                }
            }
            int published = warmUp + INGEST_EVENTS;
            String exactlyOnce = all == published - failed.get() && actual.equals(expectedAttempts)
                    ? "yes (" + all + " event_log rows, " + warmUp + " of them the warm-up's; graded "
                    + "attempts equal to those published for all " + expectedAttempts.size() + " student/topic pairs)"
                    : "**no**: " + all + " of " + published + " in event_log, " + failed.get() + " publishes failed" + (failure[0] == null ? "" : " (first: " + failure[0] + ")")
                    + ", attempts " + (actual.equals(expectedAttempts) ? "equal" : "differ") + " (" + actual.size()
                    + " vs " + expectedAttempts.size() + " pairs)";
            Ingestion r = new Ingestion(INGEST_EVENTS, students.size(), stored / seconds,
                    cpuMillis / 1000.0 / Math.max(1, stored) * 1000, exactlyOnce, publishSeconds, warmUp,
                    warmUpSeconds);
            progress("ingestion: %.0f events/s, %.2f CPU s per 1000 events, exactly once: %s", r.perSecond(),
                    r.cpuSecondsPer1000(), exactlyOnce);
            return r;
        }
    }

    /** Publishes {@code n} progress events round-robin over the students (32 in flight) and waits for the publishes. */
    private void publishProgress(List<String> ids, int from, int n, Map<String, Integer> expectedAttempts,
                                 AtomicInteger failed, String[] failure) throws InterruptedException {
        Semaphore inFlight = new Semaphore(32);
        for (int i = from; i < from + n; i++) {
            String user = ids.get(i % ids.size());
            ProgressRecorded p = progressEvent(UUID.fromString(user), i);
            if (p.object().topicId() != null && (p.verb() == Verb.PASSED || p.verb() == Verb.FAILED)) {
                expectedAttempts.merge(user + "/" + p.object().topicId(), 1, Integer::sum);
            }
            publish(EventTopic.PROGRESS_EVENTS, user, CloudEvent.of(EventTopic.PROGRESS_EVENTS, "code-execution", p),
                    inFlight, failed, failure);
        }
        inFlight.acquire(32);
        inFlight.release(32);
    }

    /** A code run that raised {@code error} (no topic: a run is graded nowhere). */
    private static ProgressRecorded failedRun(UUID user, String error) {
        return new ProgressRecorded(null, user, Verb.RAN, new ActivityObject(ActivityType.CODE,
                UUID.randomUUID().toString(), null), new ActivityResult(null, null, error, 40L, null),
                Map.of("mode", "run", "status", "runtime_error"), Instant.now());
    }

    /** Polls the alerts table until these students have {@code target} alerts, or 30 s pass (noted). */
    private long waitAlerts(Connection c, List<String> students, long target) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            long alerts = count(c, "select count(*) from alerts where student_id = any(?)", students);
            if (alerts >= target) {
                return alerts;
            }
            if (System.nanoTime() > deadline) {
                notes.add(String.format(Locale.ROOT, "Ingestion warm-up: %d of %d struggle alerts raised after "
                        + "30 s.", alerts, target));
                return alerts;
            }
            Thread.sleep(100);
        }
    }

    /** Polls event_log until the students have {@code target} rows, or 60 s pass without change (noted). */
    private long waitStored(Connection c, List<String> ids, long target, String what) throws Exception {
        long stored;
        long lastSeen = -1;
        long lastChange = System.nanoTime();
        while (true) {
            stored = count(c, "select count(*) from event_log where user_id = any(?)", ids);
            if (stored >= target) {
                return stored;
            }
            if (stored != lastSeen) {
                lastSeen = stored;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(60)) {
                notes.add(String.format(Locale.ROOT, "Ingestion (%s) stalled: %d of %d events stored after 60 s "
                        + "without change.", what, stored, target));
                return stored;
            }
            Thread.sleep(100);
        }
    }

    /**
     * A few thousand progress events (as code-execution and exercise publish them) and struggle signals, through a
     * sidecar onto Kafka, consumed by progress (actors, event_log) and notification (alerts); waits until stored.
     */
    private void seed(User teacher, User heavy, List<User> others) throws Exception {
        int forHeavy = SEED_EVENTS * 2 / 3;
        int spread = SEED_EVENTS - forHeavy;
        int struggling = Math.min(50, others.size());
        int signals = struggling * 5 * 2;
        progress("seeding %d progress events (%d for one student) and %d struggle signals", SEED_EVENTS, forHeavy,
                signals);
        List<String> users = new ArrayList<>();
        users.add(heavy.id());
        others.forEach(u -> users.add(u.id()));
        Semaphore inFlight = new Semaphore(16);
        AtomicInteger failed = new AtomicInteger();
        String[] failure = new String[1];
        long t0 = System.nanoTime();
        for (int i = 0; i < SEED_EVENTS; i++) {
            String user = i < forHeavy ? heavy.id() : others.get(i % others.size()).id();
            publish(EventTopic.PROGRESS_EVENTS, user, CloudEvent.of(EventTopic.PROGRESS_EVENTS, "code-execution",
                    progressEvent(UUID.fromString(user), i)), inFlight, failed, failure);
        }
        for (int i = 0; i < struggling; i++) {
            User u = others.get(i);
            for (int t = 0; t < 5; t++) {
                for (StruggleReason reason : List.of(StruggleReason.REPEATED_ERROR, StruggleReason.REPEATED_FAILURE)) {
                    StruggleDetected s = new StruggleDetected(UUID.fromString(u.id()), UUID.fromString(teacher.id()),
                            TOPICS.get(t), reason, AlertSeverity.MEDIUM, Map.of("errorType", "NameError", "count", 3),
                            Instant.now());
                    publish(EventTopic.STRUGGLE_DETECTED, u.id(), CloudEvent.of(EventTopic.STRUGGLE_DETECTED,
                            "progress", s), inFlight, failed, failure);
                }
            }
        }
        inFlight.acquire(16);
        inFlight.release(16);
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        // Stored: event_log rows of these users, alerts of this teacher (at least the seeded signals).
        long events = 0;
        long alerts = 0;
        long lastChange = System.nanoTime();
        long lastSeen = -1;
        try (Connection c = PostgresDatabases.connect(db.host(), db.port(), db.user(), db.password(), db.name())) {
            while (true) {
                events = count(c, "select count(*) from event_log where user_id = any(?)", users);
                alerts = count(c, "select count(*) from alerts where teacher_id = ?::uuid", teacher.id());
                if (events >= SEED_EVENTS - failed.get() && alerts >= signals) {
                    break;
                }
                if (events + alerts != lastSeen) {
                    lastSeen = events + alerts;
                    lastChange = System.nanoTime();
                }
                if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(60)) {
                    notes.add(String.format(Locale.ROOT, "Seeding stalled: %d of %d events and %d of %d alerts "
                            + "stored after 60 s without change.", events, SEED_EVENTS, alerts, signals));
                    break;
                }
                Thread.sleep(500);
            }
        }
        double storedSeconds = (System.nanoTime() - t0) / 1e9;
        String line = String.format(Locale.ROOT, "Seeded %d progress events (%d for the queried student, %s) and "
                        + "%d struggle signals for %d students: published in %.1f s, stored (event_log %d rows, "
                        + "%d alerts for the teacher) after %.1f s, i.e. %.0f events/s through Kafka → progress "
                        + "(StudentActor) → event_log.%s", SEED_EVENTS, forHeavy,
                "60 % runs, 20 % failed and 20 % passed exercises", signals, struggling, publishSeconds, events,
                alerts, storedSeconds, events / storedSeconds,
                failed.get() > 0 ? " " + failed.get() + " publishes failed, first: " + failure[0] : "");
        notes.add(line);
        progress("%s", line);
    }

    private void publish(EventTopic topic, String key, Object event, Semaphore inFlight, AtomicInteger failed,
                         String[] failure) throws InterruptedException {
        inFlight.acquire();
        http.sendAsync(http.postRequest(SIDECAR + "/v1.0/publish/" + EventTopic.PUBSUB_NAME + "/" + topic.topic()
                + "?metadata.partitionKey=" + key, Map.of(), CloudEvent.MEDIA_TYPE, event)).whenComplete((r, e) -> {
                    if (e != null || !r.ok()) {
                        failed.incrementAndGet();
                        failure[0] = e != null ? e.toString() : r.toString();
                    }
                    inFlight.release();
                });
    }

    private static ProgressRecorded progressEvent(UUID user, int i) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String topic = TOPICS.get(r.nextInt(TOPICS.size()));
        int kind = r.nextInt(10);
        if (kind < 6) { // a run, a third of them with an exception
            String error = r.nextInt(3) == 0 ? List.of("NameError", "TypeError", "IndexError").get(r.nextInt(3)) : null;
            return new ProgressRecorded(null, user, Verb.RAN, new ActivityObject(ActivityType.CODE,
                    UUID.randomUUID().toString(), null), new ActivityResult(null, null, error,
                    (long) (20 + r.nextInt(200)), null), Map.of("mode", "run", "status", error == null ? "ok"
                    : "runtime_error"), Instant.now());
        }
        boolean passed = kind >= 8;
        return new ProgressRecorded(UUID.randomUUID(), user, passed ? Verb.PASSED : Verb.FAILED,
                new ActivityObject(ActivityType.EXERCISE, UUID.randomUUID().toString(), topic),
                new ActivityResult(passed, passed ? 1.0 : 0.25, passed ? null : "AssertionError",
                        (long) (50 + r.nextInt(500)), null), Map.of("attempt", 1 + i % 3), Instant.now());
    }

    private static long count(Connection c, String sql, Object arg) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (arg instanceof List<?> ids) {
                Array array = c.createArrayOf("uuid", ids.stream().map(id -> UUID.fromString((String) id)).toArray());
                s.setArray(1, array);
            } else {
                s.setString(1, (String) arg);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The teacher's alert list and the heavy student's statements, via the gateway and on the service. */
    private void indexedQueries(User teacher, User student) {
        progress("indexed queries: %d each", QUERIES);
        Stats alerts = new Stats();
        Stats alertsDirect = new Stats();
        Stats statements = new Stats();
        Stats statementsDirect = new Stats();
        Map<String, String> teacherIdentity = Map.of("x-learnflow-user", teacher.id(), "x-learnflow-roles", "teacher");
        Map<String, String> studentIdentity = Map.of("x-learnflow-user", student.id(), "x-learnflow-roles", "student");
        int alertRows = 0;
        int statementRows = 0;
        for (int i = 0; i < 50 + QUERIES; i++) {
            boolean measured = i >= 50;
            Http.Reply a = http.get(GATEWAY + "/api/v1/teacher/alerts", teacher.token());
            timed(measured ? alerts : null, a);
            timed(measured ? alertsDirect : null, http.get(NOTIFICATION + "/internal/teachers/" + teacher.id()
                    + "/alerts", teacherIdentity));
            Http.Reply s = http.get(GATEWAY + "/api/v1/students/" + student.id() + "/statements", student.token());
            timed(measured ? statements : null, s);
            timed(measured ? statementsDirect : null, http.get(PROGRESS + "/internal/students/" + student.id()
                    + "/statements", studentIdentity));
            if (i == 0) {
                alertRows = sizeOf(a.json());
                statementRows = s.json().path("statements").size();
            }
        }
        rows.add(new Row("Indexed query: teacher's alerts",
                "`GET /api/v1/teacher/alerts` (newest first, default limit 100; " + alertRows + " returned) via "
                        + "gateway; direct = `GET :8109/internal/teachers/{id}/alerts`; " + QUERIES + " sequential",
                String.format(Locale.ROOT, "gateway p50 %s / **p99 %s** ms; direct p50 %s / p99 %s ms%s",
                        Stats.fmt(alerts.ms(50)), Stats.fmt(alerts.ms(99)), Stats.fmt(alertsDirect.ms(50)),
                        Stats.fmt(alertsDirect.ms(99)), errors(alerts, alertsDirect)),
                "p99 < 50 ms", alerts.ms(99) < 50 && alerts.errorCount() == 0));
        rows.add(new Row("Indexed query: student's statements",
                "`GET /api/v1/students/{id}/statements` (xAPI, newest first, page of " + statementRows + ") of the "
                        + "student with " + (SEED_EVENTS * 2 / 3) + "+ events via gateway; direct = `GET :8106"
                        + "/internal/students/{id}/statements`; " + QUERIES + " sequential",
                String.format(Locale.ROOT, "gateway p50 %s / **p99 %s** ms; direct p50 %s / p99 %s ms%s",
                        Stats.fmt(statements.ms(50)), Stats.fmt(statements.ms(99)),
                        Stats.fmt(statementsDirect.ms(50)), Stats.fmt(statementsDirect.ms(99)),
                        errors(statements, statementsDirect)),
                "p99 < 50 ms", statements.ms(99) < 50 && statements.errorCount() == 0));
    }

    private static int sizeOf(JsonNode n) {
        if (n.isArray()) {
            return n.size();
        }
        for (String f : List.of("alerts", "items", "content")) {
            if (n.path(f).isArray()) {
                return n.path(f).size();
            }
        }
        return -1;
    }

    /** Closed-loop virtual users, each its own student, think time 0, a read-heavy mix. */
    private void load(User teacher) throws Exception {
        int max = LEVELS.stream().mapToInt(Integer::intValue).max().orElse(1);
        progress("load: registering %d students", max);
        List<User> users = registerMany(max, "Load", teacher.id());
        Load load = new Load(users);
        progress("load: warm-up, 50 users for 5 s");
        load.run(Math.min(50, max), 5);
        Load.Result baseline = null;
        for (int level : LEVELS) {
            progress("load: %d users for %d s", level, LOAD_SECONDS);
            CpuMeter.Snapshot c0 = cpu.take();
            Load.Result r = load.run(level, LOAD_SECONDS);
            CpuMeter.Snapshot c1 = cpu.take();
            if (baseline == null) {
                baseline = r;
            }
            String target;
            Boolean met;
            // issue 19's targets (issue 11's were: p99 < 1 s at 100 users, error rate < 1 % at 500)
            if (level == 1) {
                target = "p50 ≤ 5 ms (issue 19; the baseline)";
                met = r.all().ms(50) <= 5 && r.all().errorCount() == 0;
            } else if (level >= 500) {
                target = "0 % errors, p99 ≤ 1.5 s (issue 19)";
                met = r.all().errorCount() == 0 && r.all().ms(99) <= 1500;
            } else if (level >= 100) {
                target = "≥ 600 req/s, p99 ≤ 400 ms (issue 19)";
                met = r.throughput() >= 600 && r.all().ms(99) <= 400;
            } else {
                target = "—";
                met = null;
            }
            String vs = r == baseline ? "" : String.format(Locale.ROOT, "; vs 1 user: ×%.1f throughput, p50 ×%.1f, "
                            + "p99 ×%.1f", r.throughput() / baseline.throughput(), r.all().ms(50) / baseline.all().ms(50),
                    r.all().ms(99) / baseline.all().ms(99));
            rows.add(new Row("Load: " + level + " user" + (level == 1 ? "" : "s"),
                    r == baseline ? "closed loop, think time 0, " + LOAD_SECONDS + " s, each user its own student "
                            + "and connection: " + Load.MIX : "same, " + level + " users at once",
                    String.format(Locale.ROOT, "%.0f req/s; p50 %s / p99 %s ms; errors %.2f %% (%d of %d)%s",
                            r.throughput(), Stats.fmt(r.all().ms(50)), Stats.fmt(r.all().ms(99)),
                            100 * r.all().errorRate(), r.all().errorCount(), r.all().calls(), vs),
                    target, met));
            notes.add(r.describe(level));
            notes.add("CPU, load " + level + " user" + (level == 1 ? "" : "s") + " (load average " + loadAverage()
                    + "): " + cpu.per1000(c0, c1, r.all().calls()));
            Thread.sleep(3000);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static void timed(Stats stats, Http.Reply r) {
        if (stats == null) {
            return;
        }
        if (r.ok()) {
            stats.record(r.micros());
        } else {
            stats.error(r.errorKind(), r.toString(), r.micros());
        }
    }

    private static String errors(Stats... all) {
        StringBuilder sb = new StringBuilder();
        for (Stats s : all) {
            if (s.errorCount() > 0) {
                sb.append(sb.length() == 0 ? "; errors: " : ", ").append(s.errorSummary()).append(" (first: ")
                        .append(s.firstError).append(')');
            }
        }
        return sb.toString();
    }

    private User register(String role, String name, String teacherId) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + UUID.randomUUID().toString()
                .substring(0, 8) + "@bench.learnflow.dev";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("displayName", name);
        body.put("role", role);
        body.put("timezone", "Europe/Berlin");
        if (teacherId != null) {
            body.put("teacherId", teacherId);
        }
        Http.Reply r = http.post(GATEWAY + "/api/v1/auth/register", (String) null, body);
        for (int attempt = 1; r.status() >= 500 && attempt < 3; attempt++) {
            // right after start-up on a busy machine the first calls can time out inside the mesh: try again
            r = http.post(GATEWAY + "/api/v1/auth/register", (String) null, body);
            if (r.status() == 409) { // the timed-out attempt did register: the account is there
                Http.Reply in = http.post(GATEWAY + "/api/v1/auth/login", (String) null, Map.of("email", email,
                        "password", PASSWORD));
                if (in.status() == 200) {
                    String token = in.json().path("accessToken").asText();
                    String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                            java.nio.charset.StandardCharsets.UTF_8);
                    return new User(dev.learnflow.contracts.json.ContractsJson.read(claims, JsonNode.class)
                            .path("sub").asText(), email, role, token);
                }
            }
        }
        if (r.status() != 201) {
            throw new IllegalStateException("register " + role + ": " + r);
        }
        JsonNode json = r.json();
        return new User(json.path("user").path("id").asText(), email, role,
                json.path("tokens").path("accessToken").asText());
    }

    /** A fresh access token (they last 15 minutes; the whole run takes longer). */
    private User login(User u) {
        Http.Reply r = http.post(GATEWAY + "/api/v1/auth/login", (String) null, Map.of("email", u.email(),
                "password", PASSWORD));
        if (r.status() != 200) {
            throw new IllegalStateException("login: " + r);
        }
        return new User(u.id(), u.email(), u.role(), r.json().path("accessToken").asText());
    }

    private List<User> registerMany(int n, String prefix, String teacherId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<User>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> register("student", prefix + " Student " + k, teacherId)));
            }
            List<User> users = new ArrayList<>();
            for (Future<User> f : futures) {
                users.add(f.get(120, TimeUnit.SECONDS));
            }
            return users;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<UserSocket> openSockets(List<User> users) throws Exception {
        List<UserSocket> sockets = new ArrayList<>();
        for (int batch = 0; batch < users.size(); batch += 25) {
            List<CompletableFuture<UserSocket>> opening = new ArrayList<>();
            for (int i = batch; i < Math.min(users.size(), batch + 25); i++) {
                opening.add(UserSocket.openAsync(http.client(), WEBSOCKET, users.get(i).token()));
            }
            for (CompletableFuture<UserSocket> f : opening) {
                sockets.add(f.get(90, TimeUnit.SECONDS));
            }
        }
        return sockets;
    }

    private String report(String header, String logs) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        sb.append("| measurement | how | result | target | met |\n|---|---|---|---|:-:|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.measurement()).append(" | ").append(r.how()).append(" | ").append(r.result())
                    .append(" | ").append(r.target()).append(" | ")
                    .append(r.met() == null ? "—" : r.met() ? "yes" : "**no**").append(" |\n");
        }
        notes.add("Speed of the machine's cores over the run (bench/mesh `SpeedProbe`: the CPU time of a fixed piece of "
                + "work every " + SpeedProbe.PERIOD_MILLIS + " ms in the bench JVM): " + cpu.speedSummary());
        if (!notes.isEmpty()) {
            sb.append("\nNotes:\n\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        sb.append('\n').append(logs);
        return sb.toString();
    }

    private static String header(LauncherProcess mesh, DbTarget db, String loadAtStart, Instant startedAt) {
        return String.format(Locale.ROOT, "## LearnFlow mesh bench, %s%n%n"
                        + "Machine: %s (load average at the start: %s)  %n"
                        + "Mesh: ten services (`-Xmx160m -Xms24m`, SerialGC, C1 only, as `./learnflow up`), ten local "
                        + "sidecars and embedded Kafka (%d partition%s per topic) in the launcher JVM (`"
                        + LauncherProcess.javaOpts() + "`, as `./learnflow up`), the bench's clients in the bench JVM ("
                        + benchJvmFlags() + "), PostgreSQL %s; API tokens off, "
                        + "gateway rate limit raised, bcrypt cost 4, no LLM (offline tutor)  %n"
                        + "Mesh startup: **%.1f s** until all ten services were ready (CPU time of the mesh's processes: "
                        + "%.0f s)"
                        + "  %nCommit: %s%n",
                startedAt.toString().replaceFirst("\\.\\d+Z$", "Z"), machine(null), loadAtStart, meshPartitions(),
                meshPartitions() == 1 ? "" : "s", db.embedded() ? "embedded" : db.jdbcUrl() + " (fresh database)",
                mesh.startupTime().toMillis() / 1000.0, mesh.cpuTime().toMillis() / 1000.0, commit());
    }

    /** The bench JVM's own heap, JIT and GC flags (run.sh; BENCH_JAVA_OPTS). */
    private static String benchJvmFlags() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:+Use"))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Partitions per topic the mesh started with (the curve grows progress.events from there). */
    private static int meshPartitions() {
        return CURVE.isEmpty() ? PARTITIONS : CURVE.get(0);
    }

    private static String machine(String load) {
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
                    .orElse("?");
        } catch (Exception ignored) {
            // not Linux
        }
        long memKb = 0;
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            memKb = lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (Exception ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB RAM, Java %s%s",
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1024.0 / 1024.0,
                System.getProperty("java.version"), load == null ? "" : ", load average " + load);
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? s : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %s] %s%n", java.time.LocalTime.now().withNano(0),
                String.format(Locale.ROOT, format, args));
    }

    /** The machine's PostgreSQL with a fresh database, or an embedded one where there is none. */
    private static DbTarget database() {
        String mode = System.getProperty("bench.db", "auto");
        String host = System.getProperty("bench.db.host", "127.0.0.1");
        int port = Integer.getInteger("bench.db.port", 5432);
        String name = System.getProperty("bench.db.name", "learnflow_bench");
        if (!"embedded".equals(mode) && PostgresDatabases.isReachable(host, port, "postgres", "")) {
            if (inUse(host, port, name)) {
                String other = name + "_mesh";
                System.out.printf("database %s is in use by another program (bench/progress?); using %s%n", name,
                        other);
                name = other;
            }
            PostgresDatabases.dropDatabase(host, port, "postgres", "", name);
            return DbTarget.external(host, port, name, "postgres", "");
        }
        if ("external".equals(mode)) {
            throw new IllegalStateException("no PostgreSQL at " + host + ":" + port);
        }
        return DbTarget.embedded(0);
    }

    private static boolean inUse(String host, int port, String name) {
        try (Connection c = PostgresDatabases.connect(host, port, "postgres", "", "postgres");
             PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity where datname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (Exception e) {
            return false;
        }
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("dapr")) && Files.isDirectory(p.resolve("services"))) {
                return p;
            }
        }
        throw new IllegalStateException("run from inside the repository");
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
