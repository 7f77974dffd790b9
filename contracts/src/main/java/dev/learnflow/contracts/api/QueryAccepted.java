package dev.learnflow.contracts.api;

import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;
import java.util.UUID;

/**
 * 202 reply to an asynchronous request: where to look for the answer.
 *
 * @param links relation → URL, e.g. {@code self} → {@code /api/v1/queries/{id}}, {@code socket} → {@code /ws}
 */
@Schema(description = "An accepted asynchronous request")
public record QueryAccepted(
        UUID requestId,
        QueryStatus status,
        Map<String, String> links) {

    public QueryAccepted {
        links = Immutables.map(links);
    }

    /** The usual reply: pending, with a {@code self} link to poll. */
    public static QueryAccepted pending(UUID requestId, String selfUrl) {
        return new QueryAccepted(requestId, QueryStatus.PENDING, Map.of("self", selfUrl));
    }
}
