package dev.learnflow.websocket.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message another service (notification) wants on the sockets of some users, e.g. a new alert for a teacher.
 *
 * @param id         stable id of the message: a retried push with the same id is delivered once
 * @param recipients user ids whose sockets get it
 */
@Schema(description = "A message to relay to the sockets of some users")
public record PushRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:-]+$") String id,
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z][a-z0-9_.-]*$") String type,
        @Size(max = 100) String correlationId,
        @NotEmpty @Size(max = 1000) List<@NotNull UUID> recipients,
        @NotNull JsonNode payload,
        Instant at) {
}
