package dev.learnflow.contracts.events;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The xAPI result of a progress event; every part is optional because most verbs fill only some of it.
 *
 * @param success   graded outcome (drives the BKT update); null when the activity is not graded
 * @param score     scaled score 0..1
 * @param errorType Python exception type when the activity failed with one, e.g. {@code NameError}
 * @param response  what the student answered (a quiz option index, a short text), truncated
 */
@Schema(description = "Outcome of the activity")
public record ActivityResult(
        Boolean success,
        @DecimalMin("0.0") @DecimalMax("1.0") Double score,
        @Size(max = 200) String errorType,
        @PositiveOrZero Long durationMs,
        @Size(max = 2_000) String response) {
}
