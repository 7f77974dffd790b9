package dev.learnflow.progress.service;

import dev.learnflow.contracts.events.Verb;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How streak days are counted.
 *
 * @param qualifyingVerbs   activities that make a day count
 * @param initialFreezes    freezes a new student starts with
 * @param freezeEarnedEvery a freeze is earned at every multiple of this many consecutive days (0 = never)
 * @param maxFreezes        freezes held at most
 * @param reminderPeriod    the midnight reminder repeats at this period until the actor re-arms it (a safety net
 *                          when a firing fails)
 */
public record StreakPolicy(Set<Verb> qualifyingVerbs, int initialFreezes, int freezeEarnedEvery, int maxFreezes,
                           Duration reminderPeriod) {

    public static final Set<Verb> DEFAULT_QUALIFYING = Set.copyOf(EnumSet.of(Verb.RAN, Verb.SUBMITTED,
            Verb.ATTEMPTED, Verb.PASSED, Verb.FAILED, Verb.ANSWERED, Verb.COMPLETED, Verb.ASKED, Verb.REVIEWED));

    public static final StreakPolicy DEFAULTS = new StreakPolicy(DEFAULT_QUALIFYING, 0, 7, 2, Duration.ofHours(1));

    public StreakPolicy {
        qualifyingVerbs = Set.copyOf(qualifyingVerbs);
        if (initialFreezes < 0 || maxFreezes < 0 || freezeEarnedEvery < 0 || initialFreezes > maxFreezes) {
            throw new IllegalArgumentException("freezes: need 0 <= initial <= max and earned-every >= 0");
        }
        if (reminderPeriod.isNegative() || reminderPeriod.isZero()) {
            throw new IllegalArgumentException("reminder period must be positive");
        }
    }

    public boolean qualifies(Verb verb) {
        return qualifyingVerbs.contains(verb);
    }
}
