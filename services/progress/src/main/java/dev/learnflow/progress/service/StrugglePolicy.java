package dev.learnflow.progress.service;

import java.time.Duration;

/**
 * Thresholds of the struggle rules; every window slides back from the event being recorded.
 *
 * @param cooldown                at most one signal per student, topic and reason within this time
 * @param repeatedErrorCount      same error type this many times ...
 * @param repeatedErrorWindow     ... within this window
 * @param repeatedFailureAttempts failed attempts on one exercise or quiz since its last success ...
 * @param repeatedFailureWindow   ... within this window
 * @param masteryDropDelta        P(L) fell this much below its peak ...
 * @param masteryDropMinFailures  ... with at least this many failed attempts ...
 * @param masteryDropWindow       ... within this window
 * @param stuckAfter              failing on a topic, without a success, for this long ...
 * @param stuckMinFailures        ... with at least this many failed attempts ...
 * @param stuckWindow             ... all within this window (an absence is not being stuck)
 */
public record StrugglePolicy(Duration cooldown, int repeatedErrorCount, Duration repeatedErrorWindow,
                             int repeatedFailureAttempts, Duration repeatedFailureWindow, double masteryDropDelta,
                             int masteryDropMinFailures, Duration masteryDropWindow, Duration stuckAfter,
                             int stuckMinFailures, Duration stuckWindow) {

    public static final StrugglePolicy DEFAULTS = new StrugglePolicy(Duration.ofHours(24), 3, Duration.ofHours(1),
            3, Duration.ofHours(2), 0.3, 2, Duration.ofHours(24), Duration.ofMinutes(30), 3, Duration.ofHours(2));

    public StrugglePolicy {
        if (repeatedErrorCount < 2 || repeatedFailureAttempts < 2 || masteryDropMinFailures < 1
                || stuckMinFailures < 1) {
            throw new IllegalArgumentException("struggle counts must be at least 2 (repeats) or 1 (failures)");
        }
        if (stuckWindow.compareTo(stuckAfter) <= 0) {
            throw new IllegalArgumentException("the stuck window must be longer than stuck-after");
        }
        if (!(masteryDropDelta > 0.0 && masteryDropDelta <= 1.0)) {
            throw new IllegalArgumentException("mastery drop delta must be within (0, 1]");
        }
        for (Duration d : new Duration[]{cooldown, repeatedErrorWindow, repeatedFailureWindow, masteryDropWindow,
                stuckAfter, stuckWindow}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("struggle windows and cool-down must be positive");
            }
        }
    }
}
