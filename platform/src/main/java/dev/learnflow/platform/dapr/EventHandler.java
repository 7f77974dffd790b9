package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;

/**
 * A subscriber for one topic. Implement it as a CDI bean and the platform advertises it on
 * {@code GET /dapr/subscribe} (with the topic's dead-letter topic) and delivers events to it on a worker thread.
 * Handlers must be idempotent by event id: the sidecar delivers at least once.
 */
public interface EventHandler<T> {

    EventTopic topic();

    /**
     * Handles one event. Throwing means "try again later" (RETRY); throw {@link PoisonEventException}
     * for an event that can never succeed (DROP, to the dead-letter topic).
     */
    Delivery handle(CloudEvent<T> event) throws Exception;
}
