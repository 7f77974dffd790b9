package dev.learnflow.contracts.events;

import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Topic {@code learning.responses}: an answer to a request, correlated by {@code requestId}. The websocket
 * service relays it to the student and the gateway keeps it for {@code GET /api/v1/queries/{id}}.
 *
 * @param responder service that answered, e.g. {@code concepts} or {@code debug}
 * @param text      the answer in Markdown; always present so a client that ignores {@code data} still works
 * @param data      structured parts keyed by name (e.g. {@code visualization}, {@code findings}, {@code hints},
 *                  {@code exercise}), each a JSON value the client may render richer than the text
 */
@Schema(description = "An answer to a request")
public record LearningResponded(
        @NotNull UUID requestId,
        @NotNull UUID userId,
        UUID conversationId,
        @NotNull ResponseKind kind,
        @NotBlank String responder,
        @NotNull String text,
        Map<String, Object> data,
        @NotNull Instant respondedAt) {

    public LearningResponded {
        data = Immutables.map(data);
    }
}
