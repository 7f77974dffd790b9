package dev.learnflow.contracts.events;

import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The xAPI object of a progress event: what the student acted on.
 *
 * @param id      the object's id in its own service (exercise/quiz UUID, topic slug, request id)
 * @param topicId the topic whose mastery the activity bears on; null if none
 */
@Schema(description = "What the student acted on")
public record ActivityObject(
        @NotNull ActivityType type,
        @NotBlank @Size(max = 200) String id,
        @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG) String topicId) {
}
