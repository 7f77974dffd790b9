package dev.learnflow.progress.service;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.progress.domain.Activity;

/** A {@code progress.events} CloudEvent as the StudentActor records it. */
public final class Activities {

    private Activities() {
    }

    public static Activity of(CloudEvent<ProgressRecorded> event, String timezone) {
        ProgressRecorded p = event.data();
        var r = p.result();
        return new Activity(event.id(), p.verb(), p.object().type(), p.object().id(), p.object().topicId(),
                r == null ? null : r.success(), r == null ? null : r.score(), r == null ? null : r.errorType(),
                p.occurredAt(), timezone);
    }
}
