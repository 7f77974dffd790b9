package dev.learnflow.platform.guard;

/**
 * What kind of answer a model's text is meant to be, and so what it may carry. Hints and reviews teach by pointing:
 * they never carry code. Explanations may show example code, but never code for the student's own exercise.
 */
public enum AnswerPolicy {
    /** A debugging hint at any level: words, short names of things, never code or a corrected line. */
    HINT,
    /** Review findings and their summary: like hints, plus a little more room. */
    REVIEW,
    /** Feedback on a graded exercise attempt: like a hint. */
    FEEDBACK,
    /** A concept explanation: example code allowed, the student's exercise not. */
    EXPLANATION;

    /** The longest text, in characters, an answer of this kind may be. */
    public int maxLength() {
        return switch (this) {
            case HINT, FEEDBACK -> 900;
            case REVIEW -> 2_500;
            case EXPLANATION -> 6_000;
        };
    }

    /** Only an explanation may show (example) code. */
    public boolean codeAllowed() {
        return this == EXPLANATION;
    }
}
