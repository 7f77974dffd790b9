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
 * @param feedback     for a failed attempt, the level-1 hint on its first failing visible test and a category-only
 *                     note per failing hidden test (from the debug agent); null when it passed or the agent could
 *                     not answer in time
 */
@Schema(description = "Result of grading a submission")
public record GradeResult(
        UUID exerciseId,
        int attempt,
        boolean passed,
        @Schema(minimum = "0", maximum = "1") double score,
        List<TestCaseResult> results,
        Integer attemptsLeft,
        ProgramFeedback feedback) {

    public GradeResult {
        results = Immutables.list(results);
    }

    /** A grade without feedback. */
    public GradeResult(UUID exerciseId, int attempt, boolean passed, double score, List<TestCaseResult> results,
                       Integer attemptsLeft) {
        this(exerciseId, attempt, passed, score, results, attemptsLeft, null);
    }

    public GradeResult withFeedback(ProgramFeedback feedback) {
        return new GradeResult(exerciseId, attempt, passed, score, results, attemptsLeft, feedback);
    }
}
