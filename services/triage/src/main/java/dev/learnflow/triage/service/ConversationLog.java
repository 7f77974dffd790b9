package dev.learnflow.triage.service;

import dev.learnflow.contracts.events.Speaker;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.triage.client.StateRecords;
import dev.learnflow.triage.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Conversation turns in the state store; one conversation belongs to one student. */
@ApplicationScoped
public class ConversationLog {

    private final StateRecords state;
    private final TriageConfig config;

    public ConversationLog(StateRecords state, TriageConfig config) {
        this.state = state;
        this.config = config;
    }

    static String key(UUID conversationId) {
        return "conversation-" + conversationId;
    }

    public static String questionTurnId(UUID requestId) {
        return "question:" + requestId;
    }

    public static String answerTurnId(UUID requestId) {
        return "answer:" + requestId;
    }

    public Optional<Conversation> find(UUID conversationId) {
        return state.get(key(conversationId), Conversation.class);
    }

    /** Refuses to continue somebody else's conversation. */
    public void requireOwnedOrNew(UUID conversationId, UUID userId) {
        find(conversationId).filter(c -> !c.userId().equals(userId)).ifPresent(c -> {
            throw ApiException.forbidden("This conversation belongs to another student");
        });
    }

    public Conversation studentSaid(UUID conversationId, UUID userId, UUID requestId, String text, Instant at) {
        return state.update(key(conversationId), Conversation.class, current -> current
                .orElseGet(() -> Conversation.startedBy(userId))
                .with(new Conversation.Turn(questionTurnId(requestId), Speaker.STUDENT, text, at, null),
                        config.turnsKept()));
    }

    public Conversation classified(UUID conversationId, UUID userId, UUID requestId, String intent, String topicId,
                                   String code) {
        return state.update(key(conversationId), Conversation.class, current -> current
                .orElseGet(() -> Conversation.startedBy(userId))
                .classified(questionTurnId(requestId), intent, topicId, code));
    }

    public void tutorSaid(UUID conversationId, UUID userId, UUID requestId, String text, Instant at) {
        state.update(key(conversationId), Conversation.class, current -> current
                .orElseGet(() -> Conversation.startedBy(userId))
                .with(new Conversation.Turn(answerTurnId(requestId), Speaker.TUTOR, text, at, null),
                        config.turnsKept()));
    }
}
