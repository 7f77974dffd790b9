package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A solution to an exercise, graded synchronously into a {@link GradeResult}. */
@Schema(description = "Submit a solution")
public record ExerciseSubmission(@NotBlank @Size(max = Limits.CODE_MAX) String code) {
}
