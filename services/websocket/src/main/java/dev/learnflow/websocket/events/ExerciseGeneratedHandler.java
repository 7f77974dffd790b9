package dev.learnflow.websocket.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ExerciseGenerated;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.platform.dapr.PoisonEventException;
import dev.learnflow.websocket.service.EventMessages;
import dev.learnflow.websocket.service.Relay;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** {@code exercise.generated}: tells the student a new exercise is waiting for them. */
@ApplicationScoped
public class ExerciseGeneratedHandler implements EventHandler<ExerciseGenerated> {

    private final Relay relay;

    public ExerciseGeneratedHandler(Relay relay) {
        this.relay = relay;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.EXERCISE_GENERATED;
    }

    @Override
    public Delivery handle(CloudEvent<ExerciseGenerated> event) {
        if (event.data().userId() == null || event.data().exerciseId() == null) {
            throw new PoisonEventException("exercise.generated event without userId or exerciseId");
        }
        relay.deliver(EventMessages.exercise(event), List.of(event.data().userId()));
        return Delivery.SUCCESS;
    }
}
