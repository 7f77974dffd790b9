package dev.learnflow.exercise.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.learnflow.contracts.domain.TestCase;
import dev.learnflow.contracts.domain.TestVisibility;

/**
 * One test case as stored in {@code exercises.tests} (db/README.md: stdin form or call form with optional
 * {@code setup}). The contracts' {@link TestCase} has no {@code setup}, so a call case with setup is sent to the
 * sandbox with the setup folded into the expression: {@code (exec('<setup>'), <call>)[-1]} runs the statements in
 * the solution module's namespace, then evaluates the call there, exactly as the reference runner does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExerciseTest(
        String name,
        String stdin,
        @JsonProperty("expected_stdout") String expectedStdout,
        String setup,
        String call,
        String expected,
        TestVisibility visibility) {

    public boolean callStyle() {
        return call != null;
    }

    /** Whether the shape is one db/README.md allows (the table's CHECK enforces the same). */
    public boolean wellFormed() {
        if (name == null || name.isBlank() || visibility == null) {
            return false;
        }
        if (callStyle()) {
            return !call.isBlank() && expected != null && expectedStdout == null;
        }
        return expectedStdout != null && setup == null;
    }

    /** The case as code-execution runs it. */
    public TestCase toRunnable() {
        if (!callStyle()) {
            return TestCase.io(name, stdin, expectedStdout, visibility);
        }
        String expression = setup == null || setup.isBlank() ? call
                : "(exec(" + pythonString(setup) + "), (" + call + "))[-1]";
        return TestCase.call(name, expression, expected, visibility);
    }

    /** A Python string literal with the same characters (single-quoted, escapes for anything unusual). */
    static String pythonString(String s) {
        StringBuilder out = new StringBuilder("'");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else if (c >= 0xd800 && c <= 0xdfff) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('\'').toString();
    }
}
