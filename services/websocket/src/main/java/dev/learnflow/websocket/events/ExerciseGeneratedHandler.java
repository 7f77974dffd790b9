package dev.learnflow.websocket.events;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ExerciseGenerated;
import dev.learnflow.websocket.service.EventMessages;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code exercise.generated}: tells the student a new exercise is waiting for them. */
@ApplicationScoped
public class ExerciseGeneratedHandler extends StudentEvents<ExerciseGenerated> {

    public ExerciseGeneratedHandler() {
        super(EventTopic.EXERCISE_GENERATED, ExerciseGenerated::userId, exercise -> exercise.exerciseId() != null,
                "userId or exerciseId", EventMessages::exercise);
    }
}
