package dev.learnflow.notification.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.notification.service.AlertService;
import dev.learnflow.notification.service.UnknownSubjectException;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.platform.dapr.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Consumes {@code struggle.detected}: one alert per signal (idempotent by event id, deduplicated while a live
 * alert exists), pushed live to the teacher. Unknown student or topic: dropped to the DLQ. Database, state store,
 * gateway (who the student is) or websocket trouble: thrown, so the sidecar redelivers (RETRY) and the alert is
 * raised and pushed on a later try.
 */
@ApplicationScoped
public class StruggleDetectedHandler implements EventHandler<StruggleDetected> {

    @Inject
    AlertService alerts;

    @Override
    public EventTopic topic() {
        return EventTopic.STRUGGLE_DETECTED;
    }

    @Override
    public Delivery handle(CloudEvent<StruggleDetected> event) {
        StruggleDetected signal = event.data();
        if (signal.userId() == null || signal.reason() == null || signal.severity() == null) {
            throw new PoisonEventException("struggle.detected without userId, reason or severity");
        }
        try {
            alerts.raise(event.id(), signal);
        } catch (UnknownSubjectException e) {
            throw new PoisonEventException(e.getMessage());
        }
        return Delivery.SUCCESS;
    }
}
