package dev.learnflow.contracts.domain;

import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A notice to a teacher that one of their students is struggling, raised from a struggle.detected event.
 *
 * @param topicId  null when the struggle is not tied to one topic (e.g. stuck across the module)
 * @param evidence the numbers behind the alert (error counts, recent errors, mastery before/after)
 */
@Schema(description = "A struggle alert for a teacher")
public record Alert(
        UUID id,
        UUID studentId,
        UUID teacherId,
        String topicId,
        StruggleReason reason,
        AlertSeverity severity,
        AlertStatus status,
        Map<String, Object> evidence,
        Instant createdAt,
        Instant updatedAt) {

    public Alert {
        evidence = Immutables.map(evidence);
    }
}
