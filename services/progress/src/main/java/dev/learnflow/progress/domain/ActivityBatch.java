package dev.learnflow.progress.domain;

import dev.learnflow.contracts.json.Immutables;

import java.util.List;

/** Activities of one student, in the order they were delivered, for one actor turn. */
public record ActivityBatch(List<Activity> activities) {

    public ActivityBatch {
        activities = Immutables.list(activities);
    }
}
