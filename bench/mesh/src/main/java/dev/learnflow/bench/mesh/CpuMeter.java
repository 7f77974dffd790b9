package dev.learnflow.bench.mesh;

import dev.learnflow.local.infra.PostgresDatabases;
import dev.learnflow.local.launcher.DbTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time per part of the mesh, so that a measurement can say how many CPU seconds 1 000 requests cost and where
 * they went: each service (its JVM plus the children it has reaped, e.g. the sandboxes of code-execution), the
 * launcher JVM (ten sidecars, Kafka), the bench JVM (the bench's own clients), and the PostgreSQL backends of the
 * bench's database. CPU seconds do not depend on how busy the machine is (other sessions), unlike
 * latencies, but they do depend on how fast its cores are at the moment, which on shared machines is not constant:
 * each figure says what the {@link SpeedProbe} saw during it.
 */
final class CpuMeter {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    /** Milliseconds of CPU per part at one moment ({@code atNanos}: when). */
    record Snapshot(Map<String, Long> millis, long atNanos) {
        long total() {
            return millis.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final LauncherProcess mesh;
    private DbTarget db;
    private final SpeedProbe speed = SpeedProbe.start();

    CpuMeter(LauncherProcess mesh, DbTarget db) {
        this.mesh = mesh;
        this.db = db;
    }

    /** The speed probe over the whole run so far. */
    String speedSummary() {
        return speed.summary();
    }

    /** The database once its port is known (an embedded one). */
    void db(DbTarget db) {
        this.db = db;
    }

    Snapshot take() {
        Map<String, Long> parts = new LinkedHashMap<>();
        mesh.servicePids().forEach((name, pid) -> parts.put(name, pid > 0 ? treeMillis(pid) : 0L));
        parts.put("sidecars + Kafka (launcher JVM)", ticks(mesh.pid()) * TICK_NANOS / 1_000_000);
        parts.put("bench clients (bench JVM)", ticks(ProcessHandle.current().pid()) * TICK_NANOS / 1_000_000);
        parts.put("PostgreSQL", postgresMillis());
        return new Snapshot(parts, System.nanoTime());
    }

    /** CPU ms per second of each part while nothing is asked of the mesh (Kafka, consumers, timers). */
    private Map<String, Double> idlePerSecond = Map.of();

    /** Measures the idle rate over {@code seconds}; {@link #per1000} then also gives the figure above it. */
    String measureIdle(int seconds) throws InterruptedException {
        Snapshot a = take();
        Thread.sleep(seconds * 1000L);
        Snapshot b = take();
        double elapsed = (b.atNanos() - a.atNanos()) / 1e9;
        Map<String, Double> rate = new LinkedHashMap<>();
        b.millis().forEach((k, v) -> rate.put(k, Math.max(0, v - a.millis().getOrDefault(k, 0L)) / elapsed));
        idlePerSecond = rate;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.3f CPU s per second (",
                rate.values().stream().mapToDouble(Double::doubleValue).sum() / 1000));
        rate.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(4)
                .forEach(e -> sb.append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.3f",
                        e.getValue() / 1000)).append(", "));
        return sb.substring(0, sb.length() - 2) + ")";
    }

    /**
     * "12.3 CPU s per 1 000 requests, 9.8 above the idle mesh's (gateway 3.1, progress 2.0, …)": the whole mesh's
     * CPU, then the same above each part's idle rate, with the parts that used at least 2 % of that, largest first.
     */
    String per1000(Snapshot before, Snapshot after, long requests) {
        if (requests <= 0) {
            return "no requests";
        }
        double seconds = (after.atNanos() - before.atNanos()) / 1e9;
        long total = 0;
        // per part: what it used above its own idle rate (Kafka and the consumers poll whether asked or not)
        Map<String, Long> delta = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : after.millis().entrySet()) {
            long used = Math.max(0, e.getValue() - before.millis().getOrDefault(e.getKey(), 0L));
            total += used;
            delta.put(e.getKey(), Math.max(0, Math.round(used - idlePerSecond.getOrDefault(e.getKey(), 0.0)
                    * seconds)));
        }
        long aboveIdle = delta.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.2f CPU s per 1 000 requests, %.2f above "
                + "the idle mesh's (", total / 1000.0 / requests * 1000, aboveIdle / 1000.0 / requests * 1000));
        total = aboveIdle;
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(delta.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        boolean first = true;
        for (Map.Entry<String, Long> e : sorted) {
            if (e.getValue() * 50 < total) {
                continue;
            }
            sb.append(first ? "" : ", ").append(e.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", e.getValue() / 1000.0 / requests * 1000));
            first = false;
        }
        sb.append(')');
        String probe = speed.during(before.atNanos(), after.atNanos());
        return probe.isEmpty() ? sb.toString() : sb.append("; ").append(probe).toString();
    }

    private long postgresMillis() {
        if (db.embedded()) {
            return 0; // an embedded PostgreSQL (only where the machine has none) is not split out
        }
        long sum = 0;
        try (Connection c = PostgresDatabases.connect(db.host(), db.port(), db.user(), db.password(), "postgres");
             PreparedStatement s = c.prepareStatement("select pid from pg_stat_activity where datname = ?")) {
            s.setString(1, db.name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sum += ticks(rs.getLong(1));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return sum * TICK_NANOS / 1_000_000;
    }

    /** A service's JVM, the children it has reaped, and its live descendants. */
    private static long treeMillis(long pid) {
        long ticks = ticksWithReapedChildren(pid);
        for (ProcessHandle d : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
            ticks += ticks(d.pid());
        }
        return ticks * TICK_NANOS / 1_000_000;
    }

    private static long ticks(long pid) {
        long[] f = stat(pid);
        return f == null ? 0 : f[0] + f[1];
    }

    private static long ticksWithReapedChildren(long pid) {
        long[] f = stat(pid);
        return f == null ? 0 : f[0] + f[1] + f[2] + f[3];
    }

    /** utime, stime, cutime, cstime from /proc/&lt;pid&gt;/stat, in clock ticks; null when unreadable. */
    private static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after "(comm) ": state is field 3, so utime (14) is index 11
            return new long[]{Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                    Long.parseLong(f[14])};
        } catch (Exception e) {
            return null;
        }
    }
}
