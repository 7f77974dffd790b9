package dev.learnflow.exercise.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The topics found, for a while: every list, generation and quiz request looks its topic up, and the seeded course's
 * topics change only with a migration. A topic not found is not remembered, so one added since is found at once;
 * a changed one shows within the time to live.
 */
final class TopicCache<T> {

    private record Held<T>(T value, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Held<T>> held = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    TopicCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<T> get(String topicId, Function<String, Optional<T>> load) {
        long now = nanoTime.getAsLong();
        Held<T> h = held.get(topicId);
        if (h != null && now - h.expiresAtNanos() < 0) {
            return Optional.of(h.value());
        }
        Optional<T> loaded = load.apply(topicId);
        if (loaded.isPresent()) {
            held.put(topicId, new Held<>(loaded.get(), now + ttlNanos));
        } else {
            held.remove(topicId);
        }
        return loaded;
    }
}
