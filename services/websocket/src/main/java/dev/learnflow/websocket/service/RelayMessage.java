package dev.learnflow.websocket.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * What a client receives on its socket, always this shape. {@code id} is the same on every replica for the same
 * message (the CloudEvent id, or the id the pusher chose), which is what makes resume and de-duplication work.
 *
 * @param type          e.g. {@code learning.response}, {@code alert.created}; see {@link MessageTypes}
 * @param correlationId the request (or event) the message answers, when there is one
 * @param payload       type-specific JSON
 */
@Schema(description = "A message on a LearnFlow socket")
public record RelayMessage(String id, String type, String correlationId, Object payload, Instant at) {
}
