package dev.learnflow.contracts.events;

import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@code code.submissions}: code handed in for review (code-review consumes it).
 *
 * @param exerciseId null for a review of free-standing code
 * @param context    null when published by the gateway's review route, set when forwarded by triage
 */
@Schema(description = "Code submitted for review")
public record CodeSubmitted(
        @NotNull UUID requestId,
        @NotNull UUID userId,
        @NotNull UUID submissionId,
        UUID exerciseId,
        @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG) String topicId,
        @NotBlank @Size(max = Limits.CODE_MAX) String code,
        @NotBlank @Pattern(regexp = Patterns.LANGUAGE) String language,
        @Valid StudentContext context,
        @NotNull Instant submittedAt) {
}
