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
 * Topic {@code concepts.requests}: triage decided the student wants an explanation. Context is always attached.
 *
 * @param concept what triage thinks the question is about, e.g. {@code list comprehension}; null if unsure
 */
@Schema(description = "A request for a concept explanation, with student context")
public record ConceptRequested(
        @NotNull UUID requestId,
        @NotNull UUID userId,
        UUID conversationId,
        @NotBlank @Size(max = Limits.QUESTION_MAX) String question,
        @Size(max = Limits.CODE_MAX) String code,
        @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG) String topicId,
        @Size(max = 200) String concept,
        @NotNull @Valid StudentContext context,
        @NotNull Instant requestedAt) {
}
