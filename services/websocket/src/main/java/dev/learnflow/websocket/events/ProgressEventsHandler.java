package dev.learnflow.websocket.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.platform.dapr.PoisonEventException;
import dev.learnflow.websocket.service.EventMessages;
import dev.learnflow.websocket.service.Relay;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** {@code progress.events}: a summary of each activity goes to the student's own sockets. */
@ApplicationScoped
public class ProgressEventsHandler implements EventHandler<ProgressRecorded> {

    private final Relay relay;

    public ProgressEventsHandler(Relay relay) {
        this.relay = relay;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.PROGRESS_EVENTS;
    }

    @Override
    public Delivery handle(CloudEvent<ProgressRecorded> event) {
        if (event.data().userId() == null || event.data().verb() == null || event.data().object() == null) {
            throw new PoisonEventException("progress.events event without userId, verb or object");
        }
        relay.deliver(EventMessages.progress(event), List.of(event.data().userId()));
        return Delivery.SUCCESS;
    }
}
