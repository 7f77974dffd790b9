package dev.learnflow.progress.domain;

import dev.learnflow.contracts.json.Immutables;

import java.util.List;

/**
 * What recording an {@link ActivityBatch} did: one outcome per activity, in the same order, and the student's
 * read model as the turn left it (also when every activity was a redelivery, so a lost write can be made good).
 */
public record RecordOutcomes(List<RecordOutcome> outcomes, StudentReadModel readModel) {

    public RecordOutcomes {
        outcomes = Immutables.list(outcomes);
    }
}
