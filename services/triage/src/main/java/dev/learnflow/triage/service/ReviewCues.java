package dev.learnflow.triage.service;

import dev.learnflow.platform.text.PatternBook;

/**
 * A message that shows code and asks what the tutor thinks of it — "is this ok?", "any tips?", "could this be
 * shorter?", "is there a more pythonic way", "how'd i do?" — wants a review. The sentence model reads the few words
 * around the code and often hears a concept question in them (the code's own names pull it there), or is unsure; with
 * code attached, asking for an opinion is evidence enough. Only used when there is code: without it, a review
 * request gets what a review checks and a request for the code.
 */
final class ReviewCues {

    /** The phrases this class looks for, kept in {@code triage/phrases/review.regex}. */
    private enum Phrase { ASKS_FOR_AN_OPINION, ASKS_WHAT_IT_DOES, ASKS_ABOUT_A_PRACTICE }

    private static final PatternBook<Phrase> PHRASES = PatternBook.load("triage/phrases/review.regex", Phrase.class);


    private ReviewCues() {
    }

    /** Whether the words around some code ask what it does (an explanation, with a trace of it). */
    static boolean asksWhatItDoes(String prose) {
        return prose != null && PHRASES.find(Phrase.ASKS_WHAT_IT_DOES, prose);
    }

    /**
     * Whether a way of writing code is asked about in general ("is it bad to just write except: with nothing after
     * it?"): with no code shown, an explanation of the practice, not a review waiting for code.
     */
    static boolean asksAboutAPractice(String prose) {
        return prose != null && PHRASES.find(Phrase.ASKS_ABOUT_A_PRACTICE, prose);
    }

    /** Whether the words around some code ask for an opinion on it. */
    static boolean asksForAnOpinion(String prose) {
        return prose != null && PHRASES.find(Phrase.ASKS_FOR_AN_OPINION, prose);
    }
}
