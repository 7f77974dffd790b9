package dev.learnflow.progress.domain;

import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.Verb;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One thing a student did, as the StudentActor records it (built from a {@code progress.events} CloudEvent).
 *
 * @param eventId  the CloudEvent id: the actor applies each id once
 * @param timezone the student's IANA zone at the time, for counting streak days
 */
public record Activity(String eventId, Verb verb, ActivityType objectType, String objectId, String topicId,
                       Boolean success, Double score, String errorType, Instant occurredAt, String timezone) {

    /** Verbs whose success/failure is evidence about the topic (graded attempts, quiz answers, run outcomes). */
    static final Set<Verb> GRADED_VERBS = Set.copyOf(EnumSet.of(Verb.PASSED, Verb.FAILED, Verb.ANSWERED,
            Verb.ATTEMPTED, Verb.SUBMITTED, Verb.RAN, Verb.COMPLETED));

    /** The graded outcome for BKT, or null when this activity says nothing about knowing a topic. */
    public Boolean gradedOutcome() {
        if (topicId == null || !GRADED_VERBS.contains(verb)) {
            return null;
        }
        if (success != null) {
            return success;
        }
        return verb == Verb.PASSED ? Boolean.TRUE : verb == Verb.FAILED ? Boolean.FALSE : null;
    }

    public boolean hasError() {
        return errorType != null && !errorType.isBlank();
    }
}
