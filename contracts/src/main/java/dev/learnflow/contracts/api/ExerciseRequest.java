package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Ask for a new exercise on a topic.
 *
 * @param difficulty optional; when absent the exercise service picks one from the student's mastery
 */
@Schema(description = "Request an exercise")
public record ExerciseRequest(
        @NotBlank @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG)
        @Schema(example = "for-loops") String topicId,
        Difficulty difficulty) {
}
