package dev.learnflow.contracts.events;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.learnflow.contracts.answers.AnswerData;
import dev.learnflow.contracts.answers.ReceivedAnswer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@code learning.responses}: an answer to a request, correlated by {@code requestId}. The websocket
 * service relays it to the student and the gateway keeps it for {@code GET /api/v1/queries/{id}}.
 *
 * @param responder service that answered, e.g. {@code concepts} or {@code debug}
 * @param text      the answer in Markdown; always present so a client that ignores {@code data} still works
 * @param data      structured parts the client may render richer than the text; its shape depends on {@code kind}
 *                  ({@link ResponseKind#dataType()}). Producers send a record; a consumer reads it as a
 *                  {@link ReceivedAnswer}, which writes back exactly the JSON it read. Absent means {@code {}}.
 */
@Schema(description = "An answer to a request")
public record LearningResponded(
        @NotNull UUID requestId,
        @NotNull UUID userId,
        UUID conversationId,
        @NotNull ResponseKind kind,
        @NotBlank String responder,
        @NotNull String text,
        @JsonDeserialize(as = ReceivedAnswer.class) AnswerData data,
        @NotNull Instant respondedAt) {

    public LearningResponded {
        data = data == null ? ReceivedAnswer.EMPTY : data;
    }
}
