package dev.learnflow.bench.mesh;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies of one measurement in microseconds (HdrHistogram, 3 significant digits) and its error tally. */
final class Stats {

    private static final long HIGHEST = TimeUnit.SECONDS.toMicros(120);

    final Histogram histogram = new ConcurrentHistogram(HIGHEST, 3);
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    volatile String firstError;

    void record(long micros) {
        calls.incrementAndGet();
        histogram.recordValue(Math.max(0, Math.min(micros, HIGHEST)));
    }

    /** A call that failed (non-2xx, timeout, I/O): counted as an error; its time is recorded too. */
    void error(String kind, String detail, long micros) {
        record(micros);
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (firstError == null) {
            firstError = kind + ": " + detail;
        }
    }

    /** A lost message (no time to record). */
    void lost(String kind) {
        calls.incrementAndGet();
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    long calls() {
        return calls.get();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    double errorRate() {
        return calls.get() == 0 ? 0 : (double) errorCount() / calls.get();
    }

    /** e.g. {@code HTTP 503 ×12, timeout ×3}, or empty. */
    String errorSummary() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(errors).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" ×")
                .append(v.get()));
        return sb.toString();
    }

    /** Milliseconds at a percentile. */
    double ms(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    long count() {
        return histogram.getTotalCount();
    }

    static String fmt(double ms) {
        if (Double.isNaN(ms)) {
            return "n/a";
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
}
