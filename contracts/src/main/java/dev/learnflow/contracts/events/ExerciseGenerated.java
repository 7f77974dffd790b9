package dev.learnflow.contracts.events;

import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.ExerciseSource;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@code exercise.generated}: an exercise was made for (assigned to) a student. A summary only: consumers
 * that need the full exercise fetch it from the exercise service by id.
 *
 * @param requestId the request that asked for it; null when the exercise service assigned one on its own
 */
@Schema(description = "An exercise was generated for a student")
public record ExerciseGenerated(
        UUID requestId,
        @NotNull UUID userId,
        @NotNull UUID exerciseId,
        @NotBlank @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG) String topicId,
        @NotBlank @Size(max = 200) String title,
        @NotNull Difficulty difficulty,
        @NotNull ExerciseSource source,
        @NotNull Instant generatedAt) {
}
