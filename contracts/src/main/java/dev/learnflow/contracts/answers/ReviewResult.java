package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Data of a {@code review} answer.
 *
 * @param score    0..100
 * @param analysed false when the program could not be analysed (too long, analysis ran out of time)
 */
@Schema(description = "A code review's findings and score")
public record ReviewResult(
        @NotNull List<Finding> findings,
        int score,
        @NotNull String summary,
        boolean analysed,
        @JsonUnwrapped Provenance provenance,
        @NotNull String submissionId) implements AnswerData {

    public ReviewResult {
        findings = Immutables.list(findings);
    }

    /**
     * One thing the review noticed.
     *
     * @param rule     stable rule id, e.g. {@code mutable-default-argument}
     * @param severity {@code error}, {@code warning} or {@code info}
     */
    @Schema(description = "One thing the review noticed")
    public record Finding(@NotNull String rule, int line, int column, @NotNull String severity,
                          @NotNull String message, @NotNull String explanation, @NotNull String suggestion) {
    }
}
