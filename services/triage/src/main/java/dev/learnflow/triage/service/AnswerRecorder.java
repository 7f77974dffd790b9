package dev.learnflow.triage.service;

import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.triage.domain.QueryRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Keeps every answer on learning.responses: on the query (for GET by id) and as the tutor's turn of the
 * conversation (context for the next question). Both writes are idempotent, so redelivery changes nothing.
 */
@ApplicationScoped
public class AnswerRecorder {

    @Inject
    StateStore<QueryRecord> queries;
    @Inject
    ConversationLog conversations;

    public void record(LearningResponded response) {
        QueryRecord stored = queries.update(response.requestId().toString(), current -> current
                .orElseGet(() -> QueryRecord.pending(response.requestId(), response.userId(),
                        response.conversationId(), "external", response.respondedAt()))
                .answered(response));
        UUID conversationId = stored.conversationId() != null ? stored.conversationId() : response.conversationId();
        if (conversationId != null) {
            conversations.tutorSaid(conversationId, response.userId(), response.requestId(), response.text(),
                    response.respondedAt());
        }
    }
}
