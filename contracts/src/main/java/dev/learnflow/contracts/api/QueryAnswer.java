package dev.learnflow.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The state of an asynchronous request; once answered it mirrors the learning.responses event.
 *
 * @param responder service that answered, e.g. {@code concepts}
 * @param text      Markdown answer
 * @param data      structured parts (visualizations, findings, hints) keyed by name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Status, and once available the answer, of an asynchronous request")
public record QueryAnswer(
        UUID requestId,
        QueryStatus status,
        ResponseKind kind,
        String responder,
        String text,
        Map<String, Object> data,
        Instant answeredAt) {

    public QueryAnswer {
        data = Immutables.map(data);
    }

    public static QueryAnswer pending(UUID requestId) {
        return new QueryAnswer(requestId, QueryStatus.PENDING, null, null, null, null, null);
    }
}
