package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer a quiz by the zero-based index of the chosen option. */
@Schema(description = "Answer a quiz")
public record QuizAnswerRequest(
        @NotNull @Min(0) @Max(Limits.QUIZ_OPTIONS_MAX - 1) Integer selectedOption) {
}
