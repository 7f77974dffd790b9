package dev.learnflow.triage.domain;

import dev.learnflow.contracts.events.Speaker;
import dev.learnflow.contracts.events.StudentContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The turns of one conversation (state store key {@code conversation-<id>}), owned by one student. Turns have ids
 * ({@code question:<requestId>}, {@code answer:<requestId>}) so a redelivered event adds nothing.
 */
public record Conversation(UUID userId, List<Turn> turns) {

    /** Code kept with a turn for a follow-up to work on (the request's own limit). */
    static final int CODE_KEPT = 20_000;

    public Conversation {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /**
     * @param intent  what triage classified a student turn as; null for tutor turns
     * @param topicId the curriculum topic triage matched for a student turn (what a follow-up continues), or null
     * @param code    the code that came with a student turn (sent, or found in the question), or null
     */
    public record Turn(String id, Speaker speaker, String text, Instant at, String intent, String topicId,
                       String code) {

        public Turn(String id, Speaker speaker, String text, Instant at, String intent) {
            this(id, speaker, text, at, intent, null, null);
        }
    }

    public static Conversation startedBy(UUID userId) {
        return new Conversation(userId, List.of());
    }

    public Conversation with(Turn turn, int keep) {
        if (turns.stream().anyMatch(t -> t.id().equals(turn.id()))) {
            return this;
        }
        List<Turn> next = new ArrayList<>(turns);
        next.add(turn);
        while (next.size() > keep) {
            next.remove(0);
        }
        return new Conversation(userId, next);
    }

    /**
     * Marks a student turn with the intent it was classified as (used to escalate hint levels), and the topic and
     * code it was about (what a follow-up continues).
     */
    public Conversation classified(String turnId, String intent, String topicId, String code) {
        String kept = code == null || code.length() <= CODE_KEPT ? code : code.substring(0, CODE_KEPT);
        return new Conversation(userId, turns.stream()
                .map(t -> t.id().equals(turnId) ? new Turn(t.id(), t.speaker(), t.text(), t.at(), intent, topicId,
                        kept) : t)
                .toList());
    }

    /** The latest student turn before {@code beforeTurnId} that triage routed to a lane (not unclear). */
    public Optional<Turn> previousRoutedQuestion(String beforeTurnId) {
        Turn found = null;
        for (Turn t : turns) {
            if (t.id().equals(beforeTurnId)) {
                break;
            }
            if (t.speaker() == Speaker.STUDENT && t.intent() != null && !"unclear".equals(t.intent())) {
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    public long studentTurnsWithIntent(String intent, String exceptTurnId) {
        return turns.stream().filter(t -> t.speaker() == Speaker.STUDENT && intent.equals(t.intent())
                && !t.id().equals(exceptTurnId)).count();
    }

    /** The last {@code n} turns as they travel in {@link StudentContext}, oldest first. */
    public List<StudentContext.Turn> lastTurns(int n, String exceptTurnId) {
        List<Turn> kept = turns.stream().filter(t -> !t.id().equals(exceptTurnId)).toList();
        return kept.subList(Math.max(0, kept.size() - n), kept.size()).stream()
                .map(t -> new StudentContext.Turn(t.speaker(), clip(t.text()), t.at()))
                .toList();
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text;
    }
}
