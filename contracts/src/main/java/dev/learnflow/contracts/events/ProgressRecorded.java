package dev.learnflow.contracts.events;

import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Topic {@code progress.events}: one thing a student did, xAPI-shaped (actor = {@code userId}, verb, object,
 * result), published by whichever service saw it. Progress folds these into mastery, streaks and struggle
 * detection and appends them to the event log.
 *
 * @param requestId the request the activity belongs to, if any
 * @param context   extra facts (e.g. {@code {"hintLevel": 2, "attempt": 3}})
 */
@Schema(description = "A learning activity (xAPI-shaped)")
public record ProgressRecorded(
        UUID requestId,
        @NotNull UUID userId,
        @NotNull Verb verb,
        @NotNull @Valid ActivityObject object,
        @Valid ActivityResult result,
        Map<String, Object> context,
        @NotNull Instant occurredAt) {

    public ProgressRecorded {
        context = Immutables.map(context);
    }
}
