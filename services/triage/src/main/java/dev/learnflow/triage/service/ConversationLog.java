package dev.learnflow.triage.service;

import dev.learnflow.contracts.events.Speaker;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.triage.config.TriageConfig;
import dev.learnflow.triage.domain.Conversation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Conversation turns in the state store; one conversation belongs to one student. */
@ApplicationScoped
public class ConversationLog {

    private final StateStore<Conversation> state;
    private final TriageConfig config;

    public ConversationLog(StateStore<Conversation> state, TriageConfig config) {
        this.state = state;
        this.config = config;
    }

    public static String questionTurnId(UUID requestId) {
        return "question:" + requestId;
    }

    public static String answerTurnId(UUID requestId) {
        return "answer:" + requestId;
    }

    public Optional<Conversation> find(UUID conversationId) {
        return state.get(conversationId.toString());
    }

    /** Refuses to continue somebody else's conversation. */
    public void requireOwnedOrNew(UUID conversationId, UUID userId) {
        find(conversationId).filter(c -> !c.userId().equals(userId)).ifPresent(c -> {
            throw ApiException.forbidden("This conversation belongs to another student");
        });
    }

    public Conversation studentSaid(UUID conversationId, UUID userId, UUID requestId, String text, Instant at) {
        return state.update(conversationId.toString(), current -> current
                .orElseGet(() -> Conversation.startedBy(userId))
                .with(new Conversation.Turn(questionTurnId(requestId), Speaker.STUDENT, text, at, null),
                        config.turnsKept()));
    }

    public Conversation classified(UUID conversationId, UUID userId, UUID requestId, String intent, String topicId,
                                   String code) {
        return state.update(conversationId.toString(), current -> current
                .orElseGet(() -> Conversation.startedBy(userId))
                .classified(questionTurnId(requestId), intent, topicId, code));
    }

    public void tutorSaid(UUID conversationId, UUID userId, UUID requestId, String text, Instant at) {
        state.update(conversationId.toString(), current -> current
                .orElseGet(() -> Conversation.startedBy(userId))
                .with(new Conversation.Turn(answerTurnId(requestId), Speaker.TUTOR, text, at, null),
                        config.turnsKept()));
    }
}
