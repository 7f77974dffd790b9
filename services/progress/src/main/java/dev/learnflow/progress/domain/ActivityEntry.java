package dev.learnflow.progress.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.Verb;

import java.time.Instant;

/**
 * One remembered activity. {@code success} is the graded outcome (null when not graded); the P(L) values are set
 * for graded attempts only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityEntry(String eventId, Verb verb, ActivityType objectType, String objectId, String topicId,
                           Boolean success, Double score, String errorType, Instant occurredAt,
                           Double pKnownBefore, Double pKnownAfter) {

    public boolean isFailureOn(ActivityType type, String id) {
        return Boolean.FALSE.equals(success) && objectType == type && id != null && id.equals(objectId);
    }

    public boolean isSuccessOn(ActivityType type, String id) {
        return Boolean.TRUE.equals(success) && objectType == type && id != null && id.equals(objectId);
    }
}
