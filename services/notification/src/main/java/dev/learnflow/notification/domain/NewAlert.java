package dev.learnflow.notification.domain;

import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;

import java.util.Map;
import java.util.UUID;

/** An alert about to be raised from a struggle signal. */
public record NewAlert(UUID id, UUID studentId, UUID teacherId, String topicId, StruggleReason reason,
                       AlertSeverity severity, Map<String, Object> evidence, String dedupKey) {
}
