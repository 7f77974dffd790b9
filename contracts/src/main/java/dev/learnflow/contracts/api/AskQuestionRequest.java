package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * A student's question to the tutor. Answered asynchronously: the gateway replies {@link QueryAccepted} and the
 * answer arrives over the WebSocket and at {@code GET /api/v1/queries/{requestId}}.
 *
 * @param code           optional code the question is about
 * @param topicId        optional topic the student is on; triage infers one when absent
 * @param conversationId optional: continue an earlier conversation (its recent turns become context)
 */
@Schema(description = "Ask the tutor a question")
public record AskQuestionRequest(
        @NotBlank @Size(max = Limits.QUESTION_MAX)
        @Schema(example = "Why does my for loop print the last item only?") String question,
        @Size(max = Limits.CODE_MAX) String code,
        @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG) @Schema(example = "for-loops") String topicId,
        UUID conversationId) {
}
