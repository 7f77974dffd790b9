package dev.learnflow.contracts.events;

import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@code debug.requests}: a student needs help with an error. Comes from the gateway's debug route (code +
 * traceback) or from triage (a question that turned out to be about an error, possibly with only a traceback).
 *
 * @param question  the student's own words, if the request came in as a question
 * @param error     traceback or error message; when absent the debug service runs the code to get one
 * @param hintLevel 1 points at the area, 2 names the problem, 3 shows the fix
 */
@Schema(description = "A request for debugging help")
public record DebugRequested(
        @NotNull UUID requestId,
        @NotNull UUID userId,
        UUID conversationId,
        UUID exerciseId,
        @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG) String topicId,
        @Size(max = Limits.QUESTION_MAX) String question,
        @Size(max = Limits.CODE_MAX) String code,
        @Size(max = Limits.ERROR_MAX) String error,
        @Min(Limits.HINT_LEVEL_MIN) @Max(Limits.HINT_LEVEL_MAX) int hintLevel,
        @Valid StudentContext context,
        @NotNull Instant requestedAt) {
}
