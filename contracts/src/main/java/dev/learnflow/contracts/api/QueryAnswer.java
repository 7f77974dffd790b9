package dev.learnflow.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.learnflow.contracts.answers.AnswerData;
import dev.learnflow.contracts.answers.ReceivedAnswer;
import dev.learnflow.contracts.events.ResponseKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * The state of an asynchronous request; once answered it mirrors the learning.responses event.
 *
 * @param responder service that answered, e.g. {@code concepts}
 * @param text      Markdown answer
 * @param data      structured parts, as in learning.responses (shape by {@code kind}); {@code {}} while pending
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Status, and once available the answer, of an asynchronous request")
public record QueryAnswer(
        UUID requestId,
        QueryStatus status,
        ResponseKind kind,
        String responder,
        String text,
        @JsonDeserialize(as = ReceivedAnswer.class) AnswerData data,
        Instant answeredAt) {

    public QueryAnswer {
        data = data == null ? ReceivedAnswer.EMPTY : data;
    }

    public static QueryAnswer pending(UUID requestId) {
        return new QueryAnswer(requestId, QueryStatus.PENDING, null, null, null, null, null);
    }
}
