package dev.learnflow.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.learnflow.contracts.answers.Diagnosis;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The debug agent's feedback on a program checked against test cases (an exercise's submission): hints in levels
 * (1: the failing input with expected and actual and a question to trace it, 2: the line and what goes wrong there,
 * 3: the fix in words; never a corrected program), a category-only note per failing hidden test, and the diagnosis
 * the web client steps through. Hidden tests never appear with their input, expected or actual value.
 *
 * @param kind        {@code wrong_result}, {@code crash}, {@code timeout}, {@code syntax_error} or {@code all_passed}
 * @param hints       levels 1..{@code hintLevel}
 * @param hiddenNotes one sentence per failing hidden test naming only its category, e.g. "A hidden test with an
 *                    empty list fails."
 * @param diagnosis   as {@code data.diagnosis} of a debug answer: kind, failingCase, cases, suspiciousLines,
 *                    category, findings, trace, loop (hidden tests redacted)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Hints on a program checked against test cases, with its diagnosis")
public record ProgramFeedback(
        String kind,
        int hintLevel,
        int maxHintLevel,
        List<Hint> hints,
        List<String> hiddenNotes,
        Diagnosis diagnosis) {

    public ProgramFeedback {
        hints = Immutables.list(hints);
        hiddenNotes = Immutables.list(hiddenNotes);
    }

    /** One hint level: 1 where to look (with the failing case), 2 what is wrong, 3 how to fix it, in words. */
    @Schema(description = "One hint level")
    public record Hint(int level, @NotNull String label, @NotNull String text) {
    }
}
