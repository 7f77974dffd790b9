package dev.learnflow.gateway.client;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.StateOptions;
import io.dapr.exceptions.DaprException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens live in the Dapr state store (through the sidecar), keyed by the SHA-256 of the token so a
 * leaked store reveals nothing usable. Consuming one deletes it with its ETag under first-write-wins, so two
 * concurrent refreshes with the same token cannot both succeed.
 */
@ApplicationScoped
public class RefreshTokenStore {

    static final String STORE = "statestore";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    /** What a refresh token stands for. */
    public record Grant(UUID userId, Instant expiresAt) {
    }

    private final DaprClient dapr;

    public RefreshTokenStore(DaprClient dapr) {
        this.dapr = dapr;
    }

    public void save(String tokenHash, Grant grant, Duration ttl) {
        // ttlInSeconds lets the store expire forgotten tokens on its own.
        State<Grant> state = new State<>(key(tokenHash), grant, null,
                Map.of("ttlInSeconds", Long.toString(Math.max(1, ttl.toSeconds()))),
                new StateOptions(StateOptions.Consistency.STRONG, StateOptions.Concurrency.FIRST_WRITE));
        dapr.saveBulkState(STORE, List.of(state)).block(CALL_TIMEOUT);
    }

    /** Removes the token and returns its grant, or empty when it is unknown, expired or already used. */
    public Optional<Grant> consume(String tokenHash) {
        State<Grant> state = dapr.getState(STORE, key(tokenHash), Grant.class).block(CALL_TIMEOUT);
        if (state == null || state.getValue() == null) {
            return Optional.empty();
        }
        try {
            dapr.deleteState(STORE, key(tokenHash), state.getEtag(),
                    new StateOptions(StateOptions.Consistency.STRONG, StateOptions.Concurrency.FIRST_WRITE))
                    .block(CALL_TIMEOUT);
        } catch (DaprException lostTheRace) {
            // Someone consumed it between our read and delete: the ETag no longer matches.
            return Optional.empty();
        }
        Grant grant = state.getValue();
        return grant.expiresAt().isAfter(Instant.now()) ? Optional.of(grant) : Optional.empty();
    }

    public void revoke(String tokenHash) {
        dapr.deleteState(STORE, key(tokenHash)).block(CALL_TIMEOUT);
    }

    private static String key(String tokenHash) {
        return "refresh-token:" + tokenHash;
    }
}
