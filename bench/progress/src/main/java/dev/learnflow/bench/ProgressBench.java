package dev.learnflow.bench;

import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.contracts.json.ContractsJson;
import dev.learnflow.local.infra.PostgresDatabases;
import dev.learnflow.local.testing.GatewayUsers;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records progress events the way the sidecar delivers them ({@code POST /dapr/events/progress.events}) and
 * measures: sequential latency, then throughput with N concurrent deliveries either all for ONE student (the
 * actor takes them one turn at a time) or spread over many students (actors run in parallel). Each delivery is
 * the full path: event_log check, user lookup, actor call through the sidecar (state saved), progress upsert,
 * event_log insert.
 *
 * <p>Usage: {@code ProgressBench jar [memory|real] [sequential] [secondsPerLevel] [levels...]}.
 */
public final class ProgressBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newCachedThreadPool()).build();
    private static final String[] TOPICS = {"variables", "strings", "for-loops", "lists", "dictionaries"};

    private ProgressBench() {
    }

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String components = args.length > 1 ? args[1] : "memory";
        int sequential = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        List<Integer> levels = args.length > 4
                ? Arrays.stream(args, 4, args.length).map(Integer::valueOf).toList() : List.of(8, 32);
        // The accounts come from local/testing's gateway stand-in (progress asks the gateway, through its sidecar, who a
        // student is), each also written to the users table of the bench's database (LEARNFLOW_TEST_DB_NAME, set by
        // run.sh to learnflow_bench). Events for students the gateway does not know are dropped as poison.
        PostgresDatabases.ensureDatabase(TestDatabase.HOST, TestDatabase.PORT, TestDatabase.USER,
                TestDatabase.PASSWORD, TestDatabase.NAME);
        // Services no longer migrate: the schema's owner does it first.
        dev.learnflow.db.Migrations.migrate(TestDatabase.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);

        LocalSidecar mesh = new LocalSidecar();
        mesh.init(Map.of("appId", "progress", "components", components));
        Map<String, String> ports = mesh.start();
        String base = "http://127.0.0.1:" + ports.get("quarkus.http.test-port");
        String log = "bench/progress/target/service.log";
        Process app = BenchedService.launch(jar, ports, TestDatabase.NAME, log,
                "-Dlearnflow.sidecar-trust.allow-without-token=true"); // the bench posts as the sidecar would
        try {
            BenchedService.waitReady(HTTP, base, app, 180, log);
            UUID teacher = GatewayUsers.teacher();
            List<UUID> students = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                students.add(GatewayUsers.student("Bench " + i, "UTC", teacher));
            }
            URI uri = URI.create(base + "/dapr/events/" + EventTopic.PROGRESS_EVENTS.topic());
            System.out.printf(Locale.ROOT, "progress bench: actor store %s, %d CPUs here, load average %s%n",
                    components, Runtime.getRuntime().availableProcessors(), BenchedService.loadAverage());
            for (int i = 0; i < 50; i++) { // warm-up
                deliver(uri, students.get(i % students.size()));
            }

            Histogram seq = new Histogram(60_000_000L, 3);
            int seqErrors = 0;
            long seqStart = System.nanoTime();
            for (int i = 0; i < sequential; i++) {
                long t = System.nanoTime();
                if (!deliver(uri, students.get(i % students.size()))) {
                    seqErrors++;
                }
                seq.recordValue((System.nanoTime() - t) / 1_000);
            }
            double seqSeconds = (System.nanoTime() - seqStart) / 1e9;
            System.out.println();
            System.out.println("| workload | clients | events | events/s | p50 ms | p99 ms | max ms | errors |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            row("sequential, 200 students", 1, seq, sequential / seqSeconds, seqErrors);
            for (int level : levels) {
                run(uri, "one student (one actor)", level, seconds, List.of(students.get(0)));
                run(uri, "200 students", level, seconds, students);
            }
        } finally {
            mesh.stop(); // first, so the sidecar can still deactivate the actors in the app
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
        // exec:java waits for every non-daemon thread of the run (the sidecar's and the clients' pools) before Maven
        // ends: the bench is done, so end it here
        System.exit(0);
    }

    private static void run(URI uri, String what, int clients, int seconds, List<UUID> students) throws Exception {
        Histogram h = new SynchronizedHistogram(120_000_000L, 3); // recorded by every client thread
        AtomicInteger errors = new AtomicInteger();
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Callable<Void> client = () -> {
            while (System.nanoTime() < end) {
                UUID student = students.get((int) (next.getAndIncrement() % students.size()));
                long t = System.nanoTime();
                boolean ok = deliver(uri, student);
                h.recordValue((System.nanoTime() - t) / 1_000);
                if (!ok) {
                    errors.incrementAndGet();
                }
            }
            return null;
        };
        long start = System.nanoTime();
        for (Future<Void> f : pool.invokeAll(Collections.nCopies(clients, client))) {
            f.get(); // rethrows what a client threw
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        row(what, clients, h, h.getTotalCount() / elapsed, errors.get());
    }

    private static void row(String what, int clients, Histogram h, double perSecond, int errors) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d |%n", what, clients,
                h.getTotalCount(), perSecond, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0, errors);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean FAILED_BEFORE = new java.util.concurrent.atomic.AtomicBoolean();

    /** The first failed delivery is printed, so that a table of errors comes with its reason. */
    private static void firstFailure(String what) {
        if (FAILED_BEFORE.compareAndSet(false, true)) {
            System.out.println("first failed delivery: " + what);
        }
    }

    private static boolean deliver(URI uri, UUID student) {
        boolean success = Math.random() < 0.7;
        String topic = TOPICS[(int) (Math.random() * TOPICS.length)];
        CloudEvent<ProgressRecorded> event = CloudEvent.of(EventTopic.PROGRESS_EVENTS, "bench", new ProgressRecorded(
                null, student, success ? Verb.PASSED : Verb.FAILED,
                new ActivityObject(ActivityType.EXERCISE, "bench-" + topic, topic),
                new ActivityResult(success, success ? 1.0 : 0.0, success ? null : "TypeError", 100L, null),
                Map.of(), Instant.now()));
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", CloudEvent.MEDIA_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(ContractsJson.write(event))).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean ok = r.statusCode() == 200 && r.body().contains("SUCCESS");
            if (!ok) {
                firstFailure(r.statusCode() + " " + r.body());
            }
            return ok;
        } catch (Exception e) {
            firstFailure(e.toString());
            return false;
        }
    }
}
