package dev.learnflow.websocket.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.platform.dapr.BulkEventHandler;
import dev.learnflow.platform.dapr.BulkSubscribe;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.websocket.service.RelayMessage;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link StudentEvents} topic taken in batches (Dapr bulk subscribe, issue 19): one sidecar request per batch of
 * a partition instead of one per event, still on the event loop that received it. The batch is one partition's
 * events in order and is relayed in that order, so each student's events reach their sockets in the order they
 * were published. Each event is answered as a single delivery would be ({@link Delivery#of}): one without what its
 * message needs is dropped (to the dead-letter topic) without failing the others; one the relay could not take is
 * retried alone, and the relay's per-user buffer recognises whatever the sidecar delivers again (a retried entry, a
 * whole batch after a restart) by id, so nothing reaches a socket twice.
 */
abstract class StudentEventBatches<T> extends StudentEvents<T> implements BulkEventHandler<T> {

    private final BulkSubscribe bulkSubscribe;

    StudentEventBatches(EventTopic topic, BulkSubscribe bulkSubscribe, Function<T, UUID> student,
                        Predicate<T> complete, String required, Function<CloudEvent<T>, RelayMessage> message) {
        super(topic, student, complete, required, message);
        this.bulkSubscribe = bulkSubscribe;
    }

    @Override
    public BulkSubscribe bulkSubscribe() {
        return bulkSubscribe;
    }

    @Override
    public List<Delivery> handleBatch(List<CloudEvent<T>> events) {
        return events.stream().map(event -> Delivery.of(this, event)).toList();
    }
}
