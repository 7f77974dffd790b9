package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.TestCaseResult;
import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * Grading outcome of one attempt. Hidden tests appear with their outcome but without expected/actual values.
 *
 * @param score        fraction of tests passed, 0..1
 * @param attempt      1-based number of this attempt
 * @param attemptsLeft null when attempts are unlimited
 */
@Schema(description = "Result of grading a submission")
public record GradeResult(
        UUID exerciseId,
        int attempt,
        boolean passed,
        @Schema(minimum = "0", maximum = "1") double score,
        List<TestCaseResult> results,
        Integer attemptsLeft) {

    public GradeResult {
        results = Immutables.list(results);
    }
}
