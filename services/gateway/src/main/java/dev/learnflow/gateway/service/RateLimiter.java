package dev.learnflow.gateway.service;

import dev.learnflow.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets (a key is a user, or an address for anonymous calls). Each replica limits on its own;
 * with N replicas a user gets at most N times the rate, which is acceptable for abuse protection.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final double capacity;
    private final double refillPerNano;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(GatewayConfig config) {
        this(config.rateLimit().capacity(), config.rateLimit().refillPerSecond(), System::nanoTime);
    }

    RateLimiter(int capacity, double refillPerSecond, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.nanoClock = nanoClock;
    }

    /** Takes one token; returns 0 when allowed, else the seconds to wait before the next token (≥ 1). */
    public long acquire(String key) {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            evictFullBuckets();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanoClock.getAsLong())).take();
    }

    private void evictFullBuckets() {
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(b -> b.isFullAt(now));
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized long take() {
            refill(nanoClock.getAsLong());
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - tokens) / refillPerNano;
            return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerNano);
            updatedAt = now;
        }
    }
}
