package dev.learnflow.contracts.events;

import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.contracts.json.Immutables;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Topic {@code struggle.detected}: a student needs a teacher's attention; notification turns it into an alert.
 *
 * @param teacherId the student's teacher, if any (alerts without a teacher are kept for admins)
 * @param topicId   null when the struggle is not tied to one topic
 * @param evidence  the numbers behind the signal, e.g. {@code {"errorType": "TypeError", "count": 4}}
 */
@Schema(description = "A student was detected struggling")
public record StruggleDetected(
        @NotNull UUID userId,
        UUID teacherId,
        @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG) String topicId,
        @NotNull StruggleReason reason,
        @NotNull AlertSeverity severity,
        Map<String, Object> evidence,
        @NotNull Instant detectedAt) {

    public StruggleDetected {
        evidence = Immutables.map(evidence);
    }
}
