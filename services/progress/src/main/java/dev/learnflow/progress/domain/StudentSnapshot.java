package dev.learnflow.progress.domain;

import dev.learnflow.contracts.api.StreakView;
import dev.learnflow.contracts.json.Immutables;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of a StudentActor's state, as the actor answers reads.
 *
 * @param topics         topic id → mastery, for the topics the student has touched
 * @param recentActivity newest first
 * @param recentErrors   newest first
 * @param asOf           the actor's clock when the snapshot was taken
 */
public record StudentSnapshot(String timezone, String currentTopicId, Map<String, TopicProgress> topics,
                              StreakView streak, List<ActivityEntry> recentActivity,
                              Map<String, ErrorStats> errorTypes, List<ErrorEntry> recentErrors, Instant asOf) {

    public StudentSnapshot {
        topics = Immutables.map(topics);
        recentActivity = Immutables.list(recentActivity);
        errorTypes = Immutables.map(errorTypes);
        recentErrors = Immutables.list(recentErrors);
    }
}
