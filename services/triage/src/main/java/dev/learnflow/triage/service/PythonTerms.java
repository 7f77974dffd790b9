package dev.learnflow.triage.service;

import dev.learnflow.platform.text.PatternBook;

/**
 * Names only Python has: keywords that are not everyday English ({@code yield}, {@code lambda}, {@code elif}),
 * built-in functions and types, methods and standard modules, the course's concept words ("tuple", "list
 * comprehension", "decorator", with their usual misspellings), and code written as a name ({@code len()},
 * {@code dict.get}, {@code __init__}, {@code **kwargs}, {@code :=}). A message naming one is a Python question: when
 * the sentence model is unsure, or only sees a bug report or something off-topic in it (no debug signal, no
 * request for practice), the student wants an explanation, and gets one rather than a question back.
 */
final class PythonTerms {

    /** The phrases this class looks for, kept in {@code triage/phrases/python-terms.regex}. */
    private enum Phrase { TERM, OWN_PROGRAM, TROUBLE, ASKS_ABOUT_PYTHON_FIRST, ASKS_HOW_OR_WHAT, REVIEW_WORDS }

    private static final PatternBook<Phrase> PHRASES = PatternBook.load(
            "triage/phrases/python-terms.regex", Phrase.class);



    private PythonTerms() {
    }

    static boolean named(String message) {
        return message != null && PHRASES.find(Phrase.TERM, message);
    }

    static boolean aboutOwnProgram(String message) {
        return PHRASES.find(Phrase.TROUBLE, message)
                || PHRASES.find(Phrase.OWN_PROGRAM, message) && !PHRASES.find(Phrase.ASKS_ABOUT_PYTHON_FIRST, message);
    }

    static boolean asksForReview(String message) {
        return PHRASES.find(Phrase.REVIEW_WORDS, message);
    }

    static boolean asksHowOrWhat(String message) {
        return PHRASES.find(Phrase.ASKS_HOW_OR_WHAT, message);
    }
}
