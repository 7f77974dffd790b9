package dev.learnflow.progress.service;

/**
 * How much history one StudentActor keeps (its whole state is saved on every change, so it stays bounded).
 *
 * @param recentActivity   entries of recent activity (also the window the failure rules look at)
 * @param recentErrors     recent error occurrences (the window of the repeated-error rule)
 * @param rememberedEvents ids of applied events kept for idempotency
 */
public record HistoryLimits(int recentActivity, int recentErrors, int rememberedEvents) {

    public static final HistoryLimits DEFAULTS = new HistoryLimits(50, 100, 500);

    public HistoryLimits {
        if (recentActivity < 10 || recentErrors < 10 || rememberedEvents < 10) {
            throw new IllegalArgumentException("history limits must be at least 10");
        }
    }
}
