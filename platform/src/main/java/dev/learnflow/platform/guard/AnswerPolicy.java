package dev.learnflow.platform.guard;

/**
 * What kind of answer a model's text is meant to be, and so what it may carry. Hints and reviews teach by pointing:
 * they never carry code. Explanations may show example code, but never code for the student's own exercise.
 */
public enum AnswerPolicy {
    /** A debugging hint at any level: words, short names of things, never code or a corrected line. */
    HINT(900, false),
    /** Review findings and their summary: like hints, plus a little more room. */
    REVIEW(2_500, false),
    /** Feedback on a graded exercise attempt: like a hint. */
    FEEDBACK(900, false),
    /** A concept explanation: example code allowed, the student's exercise not. */
    EXPLANATION(6_000, true);

    private final int maxLength;
    private final boolean codeAllowed;

    AnswerPolicy(int maxLength, boolean codeAllowed) {
        this.maxLength = maxLength;
        this.codeAllowed = codeAllowed;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean codeAllowed() {
        return codeAllowed;
    }
}
