package dev.learnflow.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks a running code-execution service with hello-world runs ({@code POST /internal/runs}):
 * sequential latency (p50/p90/p99) first, then throughput with 10, 50 and 100 concurrent clients. Every run is
 * a full sandbox start (bwrap + python3); nothing is cached. Prints a Markdown table.
 *
 * <p>Usage: {@code CodeExecutionBench [baseUrl] [sequentialRuns] [secondsPerLevel] [levels...]}, defaults
 * {@code http://localhost:8107 200 20 10 50 100}.
 */
public final class CodeExecutionBench {

    private static final String HELLO = "{\"code\":\"print('hello, world')\"}";
    /** The service serves /internal/** only to its sidecar, which proves itself with the app API token. */
    private static final String APP_API_TOKEN = System.getenv().getOrDefault("APP_API_TOKEN", "");

    private CodeExecutionBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8107";
        int sequential = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<Integer> levels = args.length > 3
                ? Arrays.stream(args, 3, args.length).map(Integer::valueOf).toList() : List.of(10, 50, 100);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool()).build();
        URI uri = URI.create(base + "/internal/runs");
        System.out.printf(Locale.ROOT, "code-execution bench against %s, %d CPUs here, load average %s%n",
                base, Runtime.getRuntime().availableProcessors(), loadAverage());

        // Warm-up: JIT on both sides, page cache for python3.
        for (int i = 0; i < 20; i++) {
            call(http, uri);
        }

        Histogram seq = new Histogram(60_000_000L, 3);
        int seqErrors = 0;
        long start = System.nanoTime();
        for (int i = 0; i < sequential; i++) {
            long t = System.nanoTime();
            int status = call(http, uri);
            if (status == 200) {
                seq.recordValue((System.nanoTime() - t) / 1_000);
            } else {
                seqErrors++;
            }
        }
        double seqSeconds = (System.nanoTime() - start) / 1e9;

        System.out.println();
        System.out.println("| clients | requests | ok | 429 | other | p50 ms | p90 ms | p99 ms | max ms | runs/s |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        row(1, sequential, (int) seq.getTotalCount(), 0, seqErrors, seq, seq.getTotalCount() / seqSeconds);
        for (int clients : levels) {
            level(http, uri, clients, seconds);
        }
        System.out.printf(Locale.ROOT, "%nload average after: %s%n", loadAverage());
        System.exit(0);
    }

    private static void level(HttpClient http, URI uri, int clients, int seconds) throws Exception {
        Histogram h = new SynchronizedHistogram(60_000_000L, 3); // recorded by every client thread
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Callable<Void> client = () -> {
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                int status = call(http, uri);
                sent.incrementAndGet();
                if (status == 200) {
                    h.recordValue((System.nanoTime() - t) / 1_000);
                    ok.incrementAndGet();
                } else if (status == 429) {
                    busy.incrementAndGet();
                    sleepQuietly(100); // a polite client backs off
                } else {
                    other.incrementAndGet();
                }
            }
            return null;
        };
        long start = System.nanoTime();
        for (Future<Void> f : pool.invokeAll(Collections.nCopies(clients, client))) {
            f.get(); // rethrows what a client threw
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        row(clients, (int) sent.get(), ok.get(), busy.get(), other.get(), h, ok.get() / elapsed);
    }

    private static void row(int clients, int requests, int ok, int busy, int other, Histogram h, double rate) {
        System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %.0f | %.0f | %.0f | %.0f | %.1f |%n",
                clients, requests, ok, busy, other, ms(h, 50), ms(h, 90), ms(h, 99), h.getMaxValue() / 1000.0, rate);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static int call(HttpClient http, URI uri) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(HELLO));
            if (!APP_API_TOKEN.isEmpty()) {
                request.header("dapr-api-token", APP_API_TOKEN);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && !r.body().contains("\"status\":\"ok\"")) {
                return -1;
            }
            return r.statusCode();
        } catch (Exception e) {
            return -2;
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
