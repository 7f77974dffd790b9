package dev.learnflow.progress.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.progress.service.ProgressRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Subscribes to {@code progress.events}. Invalid events, unknown students or topics are dropped (to
 * {@code progress.events.dlq}); anything else that fails is retried by the sidecar.
 */
@ApplicationScoped
public class ProgressEventsHandler implements EventHandler<ProgressRecorded> {

    @Inject
    ProgressRecorder recorder;

    @Override
    public EventTopic topic() {
        return EventTopic.PROGRESS_EVENTS;
    }

    @Override
    public Delivery handle(CloudEvent<ProgressRecorded> event) {
        recorder.record(event);
        return Delivery.SUCCESS;
    }
}
