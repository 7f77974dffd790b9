package dev.learnflow.websocket.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Who opened a socket, from their verified access token. */
public record SocketCaller(UUID userId, Set<String> roles, Instant expiresAt) {
}
