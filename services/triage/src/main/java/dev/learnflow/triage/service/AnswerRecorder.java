package dev.learnflow.triage.service;

import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.triage.client.StateRecords;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Keeps every answer on learning.responses: on the query (for GET by id) and as the tutor's turn of the
 * conversation (context for the next question). Both writes are idempotent, so redelivery changes nothing.
 */
@ApplicationScoped
public class AnswerRecorder {

    private final StateRecords state;
    private final ConversationLog conversations;

    public AnswerRecorder(StateRecords state, ConversationLog conversations) {
        this.state = state;
        this.conversations = conversations;
    }

    public void record(LearningResponded response) {
        QueryRecord stored = state.update(QueryIntake.key(response.requestId()), QueryRecord.class, current -> current
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
