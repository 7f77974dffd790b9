package dev.learnflow.progress.service;

import dev.learnflow.contracts.api.StreakView;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Streak rules over the student's local days. A day is judged once it is over ("closed"): active days keep the
 * streak, a missed day uses a freeze if one is left, otherwise the streak breaks. Days are closed by the midnight
 * reminder, or lazily by the next activity or read, so the outcome never depends on which of those comes first.
 */
public final class Streaks {

    private final StreakPolicy policy;

    public Streaks(StreakPolicy policy) {
        this.policy = policy;
    }

    public static ZoneId zone(String timezone) {
        try {
            return timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public static LocalDate localDay(Instant at, String timezone) {
        return LocalDate.ofInstant(at, zone(timezone));
    }

    public StreakState newStreak() {
        StreakState s = new StreakState();
        s.freezesLeft = policy.initialFreezes();
        return s;
    }

    /**
     * A qualifying activity on local day {@code day}. Returns true when the streak changed. An activity on a day
     * that is already closed (a late event) counts as activity but no longer changes the streak.
     */
    public boolean onActivity(StreakState s, LocalDate day) {
        boolean changed = closeDaysBefore(s, day);
        if (s.closedThrough == null) {
            s.closedThrough = day.minusDays(1);
            changed = true;
        }
        if (!day.isAfter(s.closedThrough) || (s.lastActiveDay != null && !day.isAfter(s.lastActiveDay))) {
            return changed;
        }
        // Every day before `day` is closed now, so a streak still alive reaches up to yesterday.
        s.current = s.current > 0 ? s.current + 1 : 1;
        s.lastActiveDay = day;
        s.longest = Math.max(s.longest, s.current);
        if (policy.freezeEarnedEvery() > 0 && s.current % policy.freezeEarnedEvery() == 0
                && s.freezesLeft < policy.maxFreezes()) {
            s.freezesLeft++;
        }
        return true;
    }

    /** Judges every open day before {@code today}. Returns true when anything changed. */
    public boolean closeDaysBefore(StreakState s, LocalDate today) {
        if (s.closedThrough == null) {
            return false; // never active: nothing to judge
        }
        LocalDate lastToClose = today.minusDays(1);
        if (!lastToClose.isAfter(s.closedThrough)) {
            return false;
        }
        for (LocalDate day = s.closedThrough.plusDays(1); !day.isAfter(lastToClose); day = day.plusDays(1)) {
            if (s.current == 0) {
                break; // no streak to keep or break: the remaining days need no judging
            }
            if (!day.equals(s.lastActiveDay)) {
                if (s.freezesLeft > 0) {
                    s.freezesLeft--;
                    s.frozenDays.add(day);
                    if (s.frozenDays.size() > StreakState.FROZEN_DAYS_KEPT) {
                        s.frozenDays.remove(0);
                    }
                } else {
                    s.current = 0;
                }
            }
        }
        s.closedThrough = lastToClose;
        return true;
    }

    /** When the next day closes (the student's next local midnight), while there is a streak to keep. */
    public Optional<Instant> nextClose(StreakState s, LocalDate today, String timezone) {
        if (s.current == 0) {
            return Optional.empty();
        }
        return Optional.of(today.plusDays(1).atStartOfDay(zone(timezone)).toInstant());
    }

    public StreakView view(StreakState s, LocalDate today, String timezone) {
        return new StreakView(s.current, s.longest, s.lastActiveDay, timezone, s.freezesLeft,
                today.equals(s.lastActiveDay));
    }
}
