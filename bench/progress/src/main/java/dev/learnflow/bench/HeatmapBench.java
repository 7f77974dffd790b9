package dev.learnflow.bench;

import dev.learnflow.local.infra.PostgresDatabases;
import dev.learnflow.local.testing.GatewayUsers;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Issue 21's class views on a big class, measured at the progress service (what the gateway forwards to): one
 * teacher with N students (default 200) × all 32 topics in the {@code progress} mirror and 30 events per student
 * over the last two weeks (a third of them errors), then sequential requests of the heatmap and the class summary.
 * Each request is the whole server path: the class roster from the gateway stand-in through both sidecars
 * (progress asks the gateway per class view), the aggregate query, the JSON answer.
 *
 * <p>Usage: {@code HeatmapBench jar [students] [requests]}. The database is {@code learnflow_bench_views}
 * ({@code LEARNFLOW_TEST_DB_NAME}, set by heatmap.sh to learnflow_bench_views), the accounts come from local/testing's GatewayUsers.
 */
public final class HeatmapBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final double TARGET_MS = 200;

    private HeatmapBench() {
    }

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int studentCount = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String db = TestDatabase.NAME;
        PostgresDatabases.ensureDatabase(TestDatabase.HOST, TestDatabase.PORT, TestDatabase.USER,
                TestDatabase.PASSWORD, db);
        dev.learnflow.db.Migrations.migrate(TestDatabase.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);

        LocalSidecar mesh = new LocalSidecar();
        mesh.init(Map.of("appId", "progress", "components", "memory"));
        Map<String, String> ports = mesh.start();
        String base = "http://127.0.0.1:" + ports.get("quarkus.http.test-port");

        UUID teacher = GatewayUsers.teacher();
        List<UUID> students = new ArrayList<>();
        for (int i = 0; i < studentCount; i++) {
            students.add(GatewayUsers.student("Bench " + i, "UTC", teacher));
        }
        try (Connection c = PostgresDatabases.connect(TestDatabase.HOST, TestDatabase.PORT, TestDatabase.USER,
                TestDatabase.PASSWORD, db); Statement st = c.createStatement()) {
            // The mirror progress writes, filled directly: this bench measures the read side.
            st.execute("""
                    insert into progress (user_id, topic_id, p_known, mastery_level, attempts, correct, last_activity_at)
                    select u.id, t.id, r, case when r >= 0.95 then 'mastered' when r >= 0.7 then 'proficient'
                                               when r >= 0.4 then 'developing' else 'novice' end,
                           6, 3, now() - random() * interval '14 days'
                    from users u cross join topics t cross join lateral (select random() as r) x
                    where u.teacher_id = '%s'""".formatted(teacher));
            st.execute("""
                    insert into event_log (id, user_id, verb, object_type, object_id, topic_id, result, statement,
                                           occurred_at)
                    select gen_random_uuid(), u.id, 'ran', 'code', 'bench', t.id,
                           case when g %% 3 = 0 then jsonb_build_object('success', false, 'errorType',
                                    (array['TypeError', 'NameError', 'IndexError', 'KeyError'])[1 + g %% 4])
                                else jsonb_build_object('success', true) end,
                           '{"actor": {}, "verb": {}, "object": {}}'::jsonb,
                           now() - random() * interval '14 days'
                    from users u cross join generate_series(1, 30) g
                    cross join lateral (select id from topics order by md5(u.id::text || g || id) limit 1) t
                    where u.teacher_id = '%s'""".formatted(teacher));
            st.execute("analyze progress; analyze event_log");
        }

        String log = "bench/progress/target/heatmap-service.log";
        // No sidecar app token in this bench: the requests come straight from here, not through a sidecar.
        Process app = BenchedService.launch(jar, ports, db, log, "-Dlearnflow.sidecar-trust.allow-without-token=true");
        try {
            BenchedService.waitReady(HTTP, base, app, 240, log);
            System.out.printf(Locale.ROOT, "class views bench: %d students × 32 topics, %d CPUs here, load average %s%n",
                    studentCount, Runtime.getRuntime().availableProcessors(), BenchedService.loadAverage());
            System.out.println();
            System.out.println("| route (direct on progress) | class | requests | p50 ms | p95 ms | p99 ms | max ms | bytes | target p95 | met |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            String insights = base + "/internal/teachers/" + teacher + "/insights/";
            row("GET …/insights/heatmap", studentCount, insights + "heatmap", teacher, requests);
            row("GET …/insights/summary", studentCount, insights + "summary", teacher, requests);
        } finally {
            mesh.stop();
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
        System.exit(0); // the gateway stand-in (WireMock) keeps non-daemon threads
    }

    private static void row(String name, int students, String url, UUID teacher, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("x-learnflow-user", teacher.toString()).header("x-learnflow-roles", "teacher").GET().build();
        int bytes = 0;
        for (int i = 0; i < 20; i++) { // warm-up: JIT, pools, prepared statements
            bytes = send(request).body().length();
        }
        Histogram h = new Histogram(60_000_000L, 3);
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = send(request);
            h.recordValue((System.nanoTime() - t) / 1_000);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + r.statusCode() + ": " + r.body());
            }
        }
        double p95 = h.getValueAtPercentile(95) / 1000.0;
        System.out.printf(Locale.ROOT, "| %s | %d × 32 | %d | %.1f | %.1f | %.1f | %.1f | %d | < %.0f ms | %s |%n", name,
                students, requests, h.getValueAtPercentile(50) / 1000.0, p95, h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0, bytes, TARGET_MS, p95 < TARGET_MS ? "yes" : "no");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
