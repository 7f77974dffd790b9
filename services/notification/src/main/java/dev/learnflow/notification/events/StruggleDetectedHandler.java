package dev.learnflow.notification.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.notification.service.AlertService;
import dev.learnflow.notification.service.UnknownSubjectException;
import dev.learnflow.platform.dapr.PoisonEventException;
import dev.learnflow.platform.dapr.TopicHandler;
import jakarta.inject.Singleton;

/**
 * Consumes {@code struggle.detected}: one alert per signal (idempotent by event id, deduplicated while a live
 * alert exists), pushed live to the teacher. Unknown student or topic: dropped to the DLQ. Database, state store,
 * gateway (who the student is) or websocket trouble: thrown, so the sidecar redelivers (RETRY) and the alert is
 * raised and pushed on a later try.
 */
@Singleton
public class StruggleDetectedHandler extends TopicHandler<StruggleDetected> {

    public StruggleDetectedHandler(AlertService alerts) {
        super(EventTopic.STRUGGLE_DETECTED, event -> raise(alerts, event));
    }

    private static void raise(AlertService alerts, CloudEvent<StruggleDetected> event) {
        StruggleDetected signal = event.data();
        if (signal.userId() == null || signal.reason() == null || signal.severity() == null) {
            throw new PoisonEventException("struggle.detected without userId, reason or severity");
        }
        try {
            alerts.raise(event.id(), signal);
        } catch (UnknownSubjectException e) {
            throw new PoisonEventException(e.getMessage());
        }
    }
}
