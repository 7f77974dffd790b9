package dev.learnflow.notification.client;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.SaveStateRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Mute windows, in the Dapr state store (through the sidecar) with a TTL, keyed by the alert's dedup key: while
 * one is there, repeats of the same struggle (same student, topic and reason) raise no new alert. The alerts table
 * has no column for the window (see README: proposed migration).
 */
@ApplicationScoped
public class MuteStore {

    static final String STORE = "statestore";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One mute window; {@code note} is the teacher's, if they gave one. */
    public record Mute(UUID alertId, UUID mutedBy, Instant until, String note) {
    }

    private final DaprClient dapr;
    private final Clock clock;

    @Inject
    public MuteStore(DaprClient dapr) {
        this(dapr, Clock.systemUTC());
    }

    MuteStore(DaprClient dapr, Clock clock) {
        this.dapr = dapr;
        this.clock = clock;
    }

    public boolean isMuted(String dedupKey) {
        State<Mute> state = dapr.getState(STORE, key(dedupKey), Mute.class).block(TIMEOUT);
        Mute mute = state == null ? null : state.getValue();
        // The TTL removes the entry; the time check covers a store that expires lazily.
        return mute != null && mute.until() != null && mute.until().isAfter(clock.instant());
    }

    public void mute(String dedupKey, Mute mute) {
        long seconds = Math.max(1, Duration.between(clock.instant(), mute.until()).toSeconds());
        State<Mute> state = new State<>(key(dedupKey), mute, null, Map.of("ttlInSeconds", Long.toString(seconds)),
                null);
        dapr.saveBulkState(new SaveStateRequest(STORE).setStates(state)).block(TIMEOUT);
    }

    public void unmute(String dedupKey) {
        dapr.deleteState(STORE, key(dedupKey)).block(TIMEOUT);
    }

    static String key(String dedupKey) {
        return "mute:" + dedupKey;
    }
}
