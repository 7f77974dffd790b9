package dev.learnflow.notification.service;

import dev.learnflow.contracts.domain.Alert;
import dev.learnflow.notification.domain.LiveMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Socket messages about alerts, for the teacher the alert belongs to. */
public final class AlertMessages {

    public static final String CREATED = "alert.created";
    public static final String UPDATED = "alert.updated";

    private AlertMessages() {
    }

    /** A new alert; the message id is the alert id, so pushing it again after a redelivery is harmless. */
    public static LiveMessage created(Alert alert, String eventId) {
        return new LiveMessage(alert.id().toString(), CREATED, eventId, List.of(alert.teacherId()), alert,
                alert.createdAt());
    }

    /** A status change; one id per (alert, status, time of change). */
    public static LiveMessage updated(Alert alert) {
        String id = UUID.nameUUIDFromBytes((alert.id() + "|" + alert.status() + "|" + alert.updatedAt())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new LiveMessage(id, UPDATED, alert.id().toString(), List.of(alert.teacherId()), alert,
                alert.updatedAt());
    }
}
