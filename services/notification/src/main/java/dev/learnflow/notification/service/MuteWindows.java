package dev.learnflow.notification.service;

import dev.learnflow.notification.domain.Mute;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mute windows, in the Dapr state store with a TTL, keyed by the alert's dedup key: while one is there, repeats of
 * the same struggle (same student, topic and reason) raise no new alert. The alerts table has no column for the
 * window (see README: proposed migration).
 */
@ApplicationScoped
public class MuteWindows {

    private final StateStore<Mute> mutes;
    private final Clock clock;

    public MuteWindows(StateStores stateStores, Clock clock) {
        this.mutes = stateStores.of(Mute.class, "mute:");
        this.clock = clock;
    }

    /** Which of the dedup keys are muted now, all looked up in one round trip. */
    public Set<String> mutedAmong(Collection<String> dedupKeys) {
        // the TTL removes an entry; the time check covers a store that expires lazily
        Instant now = clock.instant();
        return mutes.getAll(dedupKeys).entrySet().stream()
                .filter(e -> e.getValue().until() != null && e.getValue().until().isAfter(now))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    public void mute(String dedupKey, Mute mute) {
        mutes.save(dedupKey, mute, Duration.between(clock.instant(), mute.until()));
    }

    public void unmute(String dedupKey) {
        mutes.delete(dedupKey);
    }
}
