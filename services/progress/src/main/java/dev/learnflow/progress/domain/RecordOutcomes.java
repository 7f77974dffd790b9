package dev.learnflow.progress.domain;

import dev.learnflow.contracts.json.Immutables;

import java.util.List;

/** What recording an {@link ActivityBatch} did: one outcome per activity, in the same order. */
public record RecordOutcomes(List<RecordOutcome> outcomes) {

    public RecordOutcomes {
        outcomes = Immutables.list(outcomes);
    }
}
