package dev.learnflow.websocket.service;

import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.ExerciseGenerated;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.websocket.domain.PushRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * Turns events and pushes into socket messages. The message id is the CloudEvent id (or the pusher's id), so
 * every replica gives the same message the same id.
 */
public final class EventMessages {

    private EventMessages() {
    }

    /** What a student sees of one of their progress events: the outcome, not the raw statement. */
    @Schema(description = "Summary of one learning activity")
    public record ProgressSummary(Verb verb, ActivityObject object, Boolean success, Double score, String errorType,
                                  Instant occurredAt) {
    }

    public static RelayMessage answer(CloudEvent<LearningResponded> event) {
        LearningResponded answer = event.data();
        return new RelayMessage(event.id(), MessageTypes.LEARNING_RESPONSE, text(answer.requestId()), answer,
                first(answer.respondedAt(), event.time()));
    }

    public static RelayMessage progress(CloudEvent<ProgressRecorded> event) {
        ProgressRecorded activity = event.data();
        ActivityResult result = activity.result();
        ProgressSummary summary = new ProgressSummary(activity.verb(), activity.object(),
                result == null ? null : result.success(), result == null ? null : result.score(),
                result == null ? null : result.errorType(), activity.occurredAt());
        return new RelayMessage(event.id(), MessageTypes.PROGRESS_RECORDED, text(activity.requestId()), summary,
                first(activity.occurredAt(), event.time()));
    }

    public static RelayMessage exercise(CloudEvent<ExerciseGenerated> event) {
        ExerciseGenerated exercise = event.data();
        return new RelayMessage(event.id(), MessageTypes.EXERCISE_GENERATED, text(exercise.requestId()), exercise,
                first(exercise.generatedAt(), event.time()));
    }

    public static RelayMessage push(PushRequest push, Instant now) {
        return new RelayMessage(push.id(), push.type(), push.correlationId(), push.payload(),
                first(push.at(), now));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static Instant first(Instant preferred, Instant fallback) {
        return preferred != null ? preferred : fallback != null ? fallback : Instant.now();
    }
}
