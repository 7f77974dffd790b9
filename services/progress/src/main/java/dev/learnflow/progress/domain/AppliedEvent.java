package dev.learnflow.progress.domain;

import dev.learnflow.contracts.json.Immutables;

import java.time.Instant;
import java.util.List;

/**
 * An event the actor has applied, with the signals it produced, so a redelivery (after a failure downstream of
 * the actor) changes nothing but can still publish what the first delivery did not get out.
 */
public record AppliedEvent(Instant appliedAt, String topicId, List<StruggleSignal> signals) {

    public AppliedEvent {
        signals = Immutables.list(signals);
    }
}
