package dev.learnflow.progress.domain;

import dev.learnflow.contracts.json.Immutables;

import java.util.List;

/**
 * What recording one activity did.
 *
 * @param duplicate true when the event had been applied before (nothing changed)
 * @param topic     the topic's mastery after the event, when it has a topic
 * @param signals   struggle signals to publish (for a duplicate: those its first application produced)
 */
public record RecordOutcome(boolean duplicate, TopicProgress topic, List<StruggleSignal> signals) {

    public RecordOutcome {
        signals = Immutables.list(signals);
    }
}
