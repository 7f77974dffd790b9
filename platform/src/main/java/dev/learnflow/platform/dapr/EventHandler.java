package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;

/**
 * A subscriber for one topic. Implement it as a CDI bean and the platform advertises it on
 * {@code GET /dapr/subscribe} (with the topic's dead-letter topic) and delivers events to it on a worker thread
 * (on the event loop when it is {@link #nonBlocking()}).
 * Handlers must be idempotent by event id: the sidecar delivers at least once.
 */
public interface EventHandler<T> {

    EventTopic topic();

    /**
     * Handles one event. Throwing means "try again later" (RETRY); throw {@link PoisonEventException}
     * for an event that can never succeed (DROP, to the dead-letter topic).
     */
    Delivery handle(CloudEvent<T> event) throws Exception;

    /**
     * True when {@link #handle} never waits (no database, no calls, no locks held for long): its events are then
     * delivered on the event loop that received them, without a hand-over to a worker thread and back (issue 19:
     * the websocket relay). False (the default): a worker thread.
     */
    default boolean nonBlocking() {
        return false;
    }
}
