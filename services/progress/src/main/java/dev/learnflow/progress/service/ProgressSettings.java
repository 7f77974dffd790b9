package dev.learnflow.progress.service;

/** Everything the StudentActor's rules are tuned by (built from {@code learnflow.progress.*}). */
public record ProgressSettings(BktModel bkt, MasteryBands bands, StreakPolicy streak, StrugglePolicy struggle,
                               HistoryLimits history) {

    public static ProgressSettings defaults() {
        return new ProgressSettings(BktModel.withDefaults(), MasteryBands.DEFAULTS, StreakPolicy.DEFAULTS,
                StrugglePolicy.DEFAULTS, HistoryLimits.DEFAULTS);
    }

    public ProgressSettings {
        if (struggle.repeatedFailureAttempts() > history.recentActivity()
                || struggle.repeatedErrorCount() > history.recentErrors()
                || Math.max(struggle.stuckMinFailures(), struggle.masteryDropMinFailures()) > TopicState.HISTORY) {
            throw new IllegalArgumentException("the struggle rules need more history than is kept");
        }
    }
}
