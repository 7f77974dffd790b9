package dev.learnflow.websocket.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.platform.dapr.PoisonEventException;
import dev.learnflow.websocket.service.EventMessages;
import dev.learnflow.websocket.service.Relay;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** {@code learning.responses}: the answer goes to the sockets of the student who asked, and nobody else's. */
@ApplicationScoped
public class LearningResponsesHandler implements EventHandler<LearningResponded> {

    private final Relay relay;

    public LearningResponsesHandler(Relay relay) {
        this.relay = relay;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.LEARNING_RESPONSES;
    }

    @Override
    public Delivery handle(CloudEvent<LearningResponded> event) {
        if (event.data().userId() == null) {
            throw new PoisonEventException("learning.responses event without userId");
        }
        // Redeliveries are recognised by id in the relay's per-user buffer and not sent twice.
        relay.deliver(EventMessages.answer(event), List.of(event.data().userId()));
        return Delivery.SUCCESS;
    }
}
