package dev.learnflow.contracts.domain;

import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A coding exercise as the student sees it. Only tests the student may see travel in this type; hidden tests stay
 * inside the exercise service and reach code-execution directly, so they cannot leak through any public response.
 *
 * @param visibleTests  the {@link TestVisibility#SHOWN} tests
 * @param maxAttempts   null means unlimited attempts
 */
@Schema(description = "A coding exercise (visible tests only)")
public record Exercise(
        UUID id,
        @Schema(example = "for-loops") String topicId,
        String title,
        Difficulty difficulty,
        @Schema(description = "Task statement (Markdown)") String prompt,
        String starterCode,
        List<TestCase> visibleTests,
        int timeLimitMs,
        int memoryLimitMb,
        Integer maxAttempts,
        ExerciseSource source) {

    public Exercise {
        visibleTests = Immutables.list(visibleTests);
    }
}
