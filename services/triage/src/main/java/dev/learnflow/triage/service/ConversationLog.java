package dev.learnflow.triage.service;

import dev.learnflow.contracts.events.Speaker;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.triage.config.TriageConfig;
import dev.learnflow.triage.domain.Conversation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
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

    /** The conversation with the ETag to change it from (see the {@code known} parameters below). */
    public StateStore.Versioned<Conversation> read(UUID conversationId) {
        return state.read(conversationId.toString());
    }

    /** The version of a conversation that cannot exist yet (its id is a request id just made). */
    public static StateStore.Versioned<Conversation> unstarted() {
        return new StateStore.Versioned<>(null, null);
    }

    /**
     * Refuses to continue somebody else's conversation.
     *
     * @return the conversation as read, to change it from
     */
    public StateStore.Versioned<Conversation> requireOwnedOrNew(UUID conversationId, UUID userId) {
        StateStore.Versioned<Conversation> current = read(conversationId);
        current.asOptional().filter(c -> !c.userId().equals(userId)).ifPresent(c -> {
            throw ApiException.forbidden("This conversation belongs to another student");
        });
        return current;
    }

    public Conversation studentSaid(UUID conversationId, UUID userId, UUID requestId, String text, Instant at) {
        return studentSaid(conversationId, userId, requestId, text, at, null);
    }

    /**
     * @param known the conversation as just read, or null: saves the read before the write (a change in between
     *              costs a retry, see {@link StateStore#update(String, StateStore.Versioned, java.util.function.Function)})
     */
    public Conversation studentSaid(UUID conversationId, UUID userId, UUID requestId, String text, Instant at,
                                    StateStore.Versioned<Conversation> known) {
        return state.update(conversationId.toString(), known, current -> current
                .orElseGet(() -> Conversation.startedBy(userId))
                .with(new Conversation.Turn(questionTurnId(requestId), Speaker.STUDENT, text, at, null),
                        config.turnsKept()));
    }

    /** @param known as for {@link #studentSaid(UUID, UUID, UUID, String, Instant, StateStore.Versioned)} */
    public Conversation classified(UUID conversationId, UUID userId, UUID requestId, String intent, String topicId,
                                   String code, StateStore.Versioned<Conversation> known) {
        return state.update(conversationId.toString(), known, current -> current
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
