package dev.learnflow.progress.domain;

import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.contracts.json.Immutables;

import java.time.Instant;
import java.util.Map;

/**
 * A struggle rule fired: becomes one {@code struggle.detected} event.
 *
 * @param topicId null when the signal is not tied to a topic (e.g. errors in free code runs)
 * @param at      event time of the activity that fired the rule (the cool-down is measured in event time)
 */
public record StruggleSignal(String topicId, StruggleReason reason, AlertSeverity severity,
                             Map<String, Object> evidence, Instant at) {

    public StruggleSignal {
        evidence = Immutables.map(evidence);
    }

    /** Cool-down key: one signal per student (the actor), topic and reason. */
    public String cooldownKey() {
        return (topicId == null ? "" : topicId) + "|" + reason.value();
    }
}
