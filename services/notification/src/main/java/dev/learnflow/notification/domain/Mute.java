package dev.learnflow.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** One mute window of an alert's dedup key; {@code note} is the teacher's, if they gave one. */
public record Mute(UUID alertId, UUID mutedBy, Instant until, String note) {
}
