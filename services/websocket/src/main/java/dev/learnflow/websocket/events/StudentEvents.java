package dev.learnflow.websocket.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.platform.dapr.PoisonEventException;
import dev.learnflow.websocket.service.Relay;
import dev.learnflow.websocket.service.RelayMessage;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A topic whose every event goes to the sockets of the one student it is about, and nobody else's. An event
 * without what its message needs can never be delivered (DROP); redeliveries are recognised by id in the relay's
 * per-user buffer and not sent twice.
 */
abstract class StudentEvents<T> implements EventHandler<T> {

    @Inject
    Relay relay;

    private final EventTopic topic;
    private final Function<T, UUID> student;
    private final Predicate<T> complete;
    private final String required;
    private final Function<CloudEvent<T>, RelayMessage> message;

    /** {@code complete} says whether the event has {@code required} (named in the poison message). */
    StudentEvents(EventTopic topic, Function<T, UUID> student, Predicate<T> complete, String required,
                  Function<CloudEvent<T>, RelayMessage> message) {
        this.topic = topic;
        this.student = student;
        this.complete = complete;
        this.required = required;
        this.message = message;
    }

    @Override
    public EventTopic topic() {
        return topic;
    }

    /** Relaying only queues the message to the user's sockets (Vert.x writes): delivered on the event loop. */
    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public Delivery handle(CloudEvent<T> event) {
        if (student.apply(event.data()) == null || !complete.test(event.data())) {
            throw new PoisonEventException(topic.topic() + " event without " + required);
        }
        relay.deliver(message.apply(event), List.of(student.apply(event.data())));
        return Delivery.SUCCESS;
    }
}
