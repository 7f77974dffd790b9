package dev.learnflow.platform.guard;

/** One reason a model's text may not reach the student, with the piece of text that showed it. */
public record Violation(Kind kind, String evidence) {

    public enum Kind {
        /** a fenced or indented code block */
        CODE_BLOCK,
        /** lines that read as Python statements rather than prose */
        CODE_LINES,
        /** a corrected version of (part of) a line of the student's program */
        CORRECTED_LINE,
        /** the exercise's solution, or a function that solves it */
        EXERCISE_SOLUTION,
        /** an instruction to copy or paste code */
        COPY_INSTRUCTION,
        /** HTML or remote markdown that the client must not render */
        MARKUP,
        /** far longer than this kind of answer ever needs */
        TOO_LONG,
        /** nothing usable */
        EMPTY
    }

    public String label() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
