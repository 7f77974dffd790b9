package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * More hints on a graded, failed submission: the same code as that attempt and the hint level wanted (the grade
 * itself carries level 1).
 */
@Schema(description = "Ask for a further hint level on a graded submission")
public record ExerciseHintRequest(
        @NotBlank @Size(max = Limits.CODE_MAX) String code,
        @NotNull @Min(Limits.HINT_LEVEL_MIN) @Max(Limits.HINT_LEVEL_MAX) @Schema(example = "2") Integer hintLevel) {
}
