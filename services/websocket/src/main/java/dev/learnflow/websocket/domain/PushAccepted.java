package dev.learnflow.websocket.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param connections sockets on this replica the message was queued to
 * @param duplicates  recipients that already had a message with this id (a retried push)
 */
@Schema(description = "A push accepted for relay on this replica")
public record PushAccepted(String id, int recipients, int connections, int duplicates) {
}
