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
 * Topic {@code learning.requests}: a student's question as the gateway accepted it, before triage has classified
 * it. The {@code requestId} is the one returned to the client and correlates the eventual learning.responses.
 *
 * @param context null when the publisher had none; triage fills it in before forwarding
 */
@Schema(description = "A student's question, before classification")
public record LearningRequested(
        @NotNull UUID requestId,
        @NotNull UUID userId,
        UUID conversationId,
        @NotBlank @Size(max = Limits.QUESTION_MAX) String question,
        @Size(max = Limits.CODE_MAX) String code,
        @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG) String topicId,
        @Valid StudentContext context,
        @NotNull Instant requestedAt) {
}
