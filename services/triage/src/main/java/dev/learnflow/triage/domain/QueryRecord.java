package dev.learnflow.triage.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.learnflow.contracts.answers.AnswerData;
import dev.learnflow.contracts.answers.ReceivedAnswer;
import dev.learnflow.contracts.api.QueryAnswer;
import dev.learnflow.contracts.api.QueryStatus;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ResponseKind;

import java.time.Instant;
import java.util.UUID;

/**
 * One asynchronous request as triage keeps it (state store key {@code query-<requestId>}): who asked, how it was
 * routed, and — once learning.responses delivered it — the answer, so {@code GET /internal/queries/{id}} works.
 *
 * @param channel   {@code question}, {@code review} or {@code debug}: which internal route accepted it
 * @param forwarded when triage handed it to an agent (or answered it itself); null while not yet routed
 */
public record QueryRecord(
        UUID requestId,
        UUID userId,
        UUID conversationId,
        String channel,
        String intent,
        Double confidence,
        QueryStatus status,
        ResponseKind kind,
        String responder,
        String text,
        @JsonDeserialize(as = ReceivedAnswer.class) AnswerData data,
        Instant createdAt,
        Instant forwarded,
        Instant answeredAt) {

    public static QueryRecord pending(UUID requestId, UUID userId, UUID conversationId, String channel, Instant now) {
        return new QueryRecord(requestId, userId, conversationId, channel, null, null, QueryStatus.PENDING, null, null,
                null, null, now, null, null);
    }

    public QueryRecord routed(String newIntent, Double newConfidence, Instant at) {
        return new QueryRecord(requestId, userId, conversationId, channel, newIntent, newConfidence, status, kind,
                responder, text, data, createdAt, at, answeredAt);
    }

    public QueryRecord failed(String reason) {
        return new QueryRecord(requestId, userId, conversationId, channel, intent, confidence, QueryStatus.FAILED,
                ResponseKind.ERROR, "triage", reason, ReceivedAnswer.EMPTY, createdAt, forwarded, answeredAt);
    }

    /** The answer as it arrived; an answer of kind error marks the request failed. */
    public QueryRecord answered(LearningResponded response) {
        QueryStatus next = response.kind() == ResponseKind.ERROR ? QueryStatus.FAILED : QueryStatus.ANSWERED;
        return new QueryRecord(requestId, userId, conversationId == null ? response.conversationId() : conversationId,
                channel, intent, confidence, next, response.kind(), response.responder(), response.text(),
                response.data(), createdAt, forwarded, response.respondedAt());
    }

    public QueryAnswer toAnswer() {
        return new QueryAnswer(requestId, status, kind, responder, text, data, answeredAt);
    }
}
