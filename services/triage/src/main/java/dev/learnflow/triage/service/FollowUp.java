package dev.learnflow.triage.service;

import dev.learnflow.platform.text.PatternBook;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A message that only makes sense as the next turn of a conversation: "can you show another example?", "what
 * about dicts?", "I still don't get it". It continues the previous question's lane and topic instead of starting
 * over; "what about X" also names what changes.
 */
record FollowUp(Kind kind, String subject) {

    enum Kind { ANOTHER_EXAMPLE, NOT_UNDERSTOOD, WHAT_ABOUT, WHY, MORE }

    /** Longer messages carry their own topic; a follow-up is short. */
    static final int MAX_WORDS = 14;

    /** The phrases this class looks for, kept in {@code triage/phrases/follow-up.regex}. */
    private enum Phrase { ANOTHER_EXAMPLE, NOT_UNDERSTOOD, WHAT_ABOUT, WHY, MORE }

    private static final PatternBook<Phrase> PHRASES = PatternBook.load("triage/phrases/follow-up.regex", Phrase.class);

    static Optional<FollowUp> of(String message) {
        if (message == null || message.isBlank() || message.strip().split("\\s+").length > MAX_WORDS) {
            return Optional.empty();
        }
        if (PHRASES.find(Phrase.ANOTHER_EXAMPLE, message)) {
            return Optional.of(new FollowUp(Kind.ANOTHER_EXAMPLE, null));
        }
        if (PHRASES.find(Phrase.NOT_UNDERSTOOD, message)) {
            return Optional.of(new FollowUp(Kind.NOT_UNDERSTOOD, null));
        }
        Matcher about = PHRASES.matcher(Phrase.WHAT_ABOUT, message);
        if (about.find()) {
            for (int g = 1; g <= about.groupCount(); g++) {
                if (about.group(g) != null && !about.group(g).isBlank()) {
                    return Optional.of(new FollowUp(Kind.WHAT_ABOUT, about.group(g).strip()));
                }
            }
        }
        if (PHRASES.find(Phrase.WHY, message)) {
            return Optional.of(new FollowUp(Kind.WHY, null));
        }
        if (PHRASES.find(Phrase.MORE, message)) {
            return Optional.of(new FollowUp(Kind.MORE, null));
        }
        return Optional.empty();
    }

    /** Phrases for the agent: what the student asks now, in terms of what they asked before. */
    String continuing(String previousQuestion) {
        String before = previousQuestion == null ? "" : previousQuestion.strip();
        return switch (kind) {
            case ANOTHER_EXAMPLE -> "another example: " + before;
            case NOT_UNDERSTOOD -> "explain more simply: " + before;
            case WHAT_ABOUT -> before + " — and what about " + subject;
            case WHY, MORE -> "more detail: " + before;
        };
    }
}
