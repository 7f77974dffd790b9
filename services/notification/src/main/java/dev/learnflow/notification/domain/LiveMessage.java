package dev.learnflow.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /internal/notifications} on the websocket service (its {@code PushRequest}): a message
 * for the sockets of {@code recipients}. {@code id} is stable per message so a retried push is delivered once.
 */
public record LiveMessage(String id, String type, String correlationId, List<UUID> recipients, Object payload,
                          Instant at) {
}
