package dev.learnflow.websocket;

import dev.learnflow.contracts.answers.ReceivedAnswer;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.ExerciseSource;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.ExerciseGenerated;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.events.Verb;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Event payloads as the producing services publish them. */
final class Events {

    private Events() {
    }

    static LearningResponded answer(UUID student, String text) {
        return new LearningResponded(UUID.randomUUID(), student, null, ResponseKind.CONCEPT, "concepts", text,
                new ReceivedAnswer(Map.of("visualization", Map.of("kind", "table"))), Instant.now());
    }

    static ProgressRecorded failedExercise(UUID student) {
        return new ProgressRecorded(UUID.randomUUID(), student, Verb.FAILED,
                new ActivityObject(ActivityType.EXERCISE, UUID.randomUUID().toString(), "variables"),
                new ActivityResult(false, 0.25, "NameError", 120L, "print(x)"), Map.of("attempt", 3), Instant.now());
    }

    static ExerciseGenerated exercise(UUID student) {
        return new ExerciseGenerated(UUID.randomUUID(), student, UUID.randomUUID(), "variables", "Swap two values",
                Difficulty.BEGINNER, ExerciseSource.TEMPLATE, Instant.now());
    }
}
