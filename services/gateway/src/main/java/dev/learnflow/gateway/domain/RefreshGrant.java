package dev.learnflow.gateway.domain;

import java.time.Instant;
import java.util.UUID;

/** What a refresh token stands for. */
public record RefreshGrant(UUID userId, Instant expiresAt) {
}
