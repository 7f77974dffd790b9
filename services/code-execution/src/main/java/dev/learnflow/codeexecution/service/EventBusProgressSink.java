package dev.learnflow.codeexecution.service;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.platform.dapr.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.CompletionStage;

/** Publishes on {@code progress.events} through the platform's EventBus (CloudEvents via the sidecar). */
@ApplicationScoped
public class EventBusProgressSink implements ProgressEventSink {

    @Inject
    EventBus bus;

    @Override
    public CompletionStage<?> publish(ProgressRecorded event) {
        return bus.publishAsync(EventTopic.PROGRESS_EVENTS, event);
    }
}
