package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * Ask for a code review; answered asynchronously like a question.
 *
 * @param exerciseId optional: review against that exercise's intent
 */
@Schema(description = "Request a code review")
public record ReviewRequest(
        @NotBlank @Size(max = Limits.CODE_MAX) String code,
        UUID exerciseId) {
}
