package dev.learnflow.progress.service;

import dev.learnflow.contracts.events.Verb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Streak days in the student's zone: consecutive days, missed days, freezes, time zones and DST. */
class StreaksTest {

    private final Streaks streaks = new Streaks(StreakPolicy.DEFAULTS);
    private static final LocalDate D = LocalDate.of(2025, 5, 5);

    @Test
    void consecutiveDaysCountOnceEach() {
        StreakState s = streaks.newStreak();
        streaks.onActivity(s, D);
        streaks.onActivity(s, D); // same day again
        streaks.onActivity(s, D.plusDays(1));
        streaks.onActivity(s, D.plusDays(2));
        assertThat(s.current).isEqualTo(3);
        assertThat(s.longest).isEqualTo(3);
        assertThat(s.lastActiveDay).isEqualTo(D.plusDays(2));
        assertThat(s.closedThrough).isEqualTo(D.plusDays(1));
    }

    @Test
    void aMissedDayBreaksTheStreakButKeepsTheLongest() {
        StreakState s = streaks.newStreak();
        for (int i = 0; i < 3; i++) {
            streaks.onActivity(s, D.plusDays(i));
        }
        // D+3 missed: closing it (as the midnight reminder does) breaks the streak without any activity.
        assertThat(streaks.closeDaysBefore(s, D.plusDays(4))).isTrue();
        assertThat(s.current).isZero();
        assertThat(s.longest).isEqualTo(3);
        streaks.onActivity(s, D.plusDays(4));
        assertThat(s.current).isEqualTo(1);
        assertThat(s.longest).isEqualTo(3);
    }

    @Test
    void missedDaysAreJudgedLazilyByTheNextActivityToo() {
        StreakState s = streaks.newStreak();
        streaks.onActivity(s, D);
        streaks.onActivity(s, D.plusDays(1));
        streaks.onActivity(s, D.plusDays(5)); // no reminder ran in between
        assertThat(s.current).isEqualTo(1);
        assertThat(s.longest).isEqualTo(2);
        assertThat(s.closedThrough).isEqualTo(D.plusDays(4));
    }

    @Test
    void closingIsIdempotentAndNeverJudgesTodayOrLater() {
        StreakState s = streaks.newStreak();
        streaks.onActivity(s, D);
        assertThat(streaks.closeDaysBefore(s, D)).isFalse();
        assertThat(streaks.closeDaysBefore(s, D.plusDays(1))).isTrue();
        assertThat(streaks.closeDaysBefore(s, D.plusDays(1))).isFalse();
        assertThat(s.current).isEqualTo(1);
        assertThat(s.closedThrough).isEqualTo(D);
        StreakState never = streaks.newStreak();
        assertThat(streaks.closeDaysBefore(never, D)).isFalse();
        assertThat(streaks.nextClose(never, D, "UTC")).isEmpty();
    }

    @Test
    void aLateEventForAClosedDayDoesNotRewriteHistory() {
        StreakState s = streaks.newStreak();
        streaks.onActivity(s, D);
        streaks.closeDaysBefore(s, D.plusDays(3)); // D+1 and D+2 missed
        assertThat(s.current).isZero();
        assertThat(streaks.onActivity(s, D.plusDays(1))).isFalse();
        assertThat(s.current).isZero();
        assertThat(s.lastActiveDay).isEqualTo(D);
    }

    @Test
    void aFreezeEarnedAfterSevenDaysCoversOneMissedDay() {
        StreakState s = streaks.newStreak();
        assertThat(s.freezesLeft).isZero();
        for (int i = 0; i < 7; i++) {
            streaks.onActivity(s, D.plusDays(i));
        }
        assertThat(s.current).isEqualTo(7);
        assertThat(s.freezesLeft).isEqualTo(1);
        streaks.closeDaysBefore(s, D.plusDays(8)); // D+7 missed: frozen
        assertThat(s.current).isEqualTo(7);
        assertThat(s.freezesLeft).isZero();
        assertThat(s.frozenDays).containsExactly(D.plusDays(7));
        streaks.onActivity(s, D.plusDays(8));
        assertThat(s.current).isEqualTo(8); // the frozen day bridges, it does not count
        assertThat(s.longest).isEqualTo(8);
    }

    @Test
    void twoMissedDaysWithOneFreezeBreakTheStreak() {
        Streaks withFreeze = new Streaks(new StreakPolicy(StreakPolicy.DEFAULT_QUALIFYING, 1, 0, 2,
                Duration.ofHours(1)));
        StreakState s = withFreeze.newStreak();
        assertThat(s.freezesLeft).isEqualTo(1);
        withFreeze.onActivity(s, D);
        withFreeze.onActivity(s, D.plusDays(1));
        withFreeze.onActivity(s, D.plusDays(4));
        assertThat(s.frozenDays).containsExactly(D.plusDays(2));
        assertThat(s.freezesLeft).isZero();
        assertThat(s.current).isEqualTo(1);
        assertThat(s.longest).isEqualTo(2);
    }

    @Test
    void freezesAreCappedAndOffWhenEarnEveryIsZero() {
        Streaks capped = new Streaks(new StreakPolicy(StreakPolicy.DEFAULT_QUALIFYING, 0, 2, 1, Duration.ofHours(1)));
        StreakState s = capped.newStreak();
        for (int i = 0; i < 6; i++) {
            capped.onActivity(s, D.plusDays(i));
        }
        assertThat(s.freezesLeft).isEqualTo(1);
        Streaks none = new Streaks(new StreakPolicy(StreakPolicy.DEFAULT_QUALIFYING, 0, 0, 2, Duration.ofHours(1)));
        StreakState n = none.newStreak();
        for (int i = 0; i < 10; i++) {
            none.onActivity(n, D.plusDays(i));
        }
        assertThat(n.freezesLeft).isZero();
    }

    @Test
    void theSameInstantsAreDifferentDaysInDifferentZones() {
        Instant late = Instant.parse("2025-06-01T11:00:00Z");
        Instant later = Instant.parse("2025-06-01T13:00:00Z");
        // Auckland (UTC+12): 23:00 on June 1 and 01:00 on June 2 -> two days.
        assertThat(Streaks.localDay(late, "Pacific/Auckland")).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(Streaks.localDay(later, "Pacific/Auckland")).isEqualTo(LocalDate.of(2025, 6, 2));
        // Los Angeles (UTC-7): 04:00 and 06:00 on June 1 -> one day.
        assertThat(Streaks.localDay(late, "America/Los_Angeles")).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(Streaks.localDay(later, "America/Los_Angeles")).isEqualTo(LocalDate.of(2025, 6, 1));

        assertThat(streakOf("Pacific/Auckland", late, later).current).isEqualTo(2);
        assertThat(streakOf("America/Los_Angeles", late, later).current).isEqualTo(1);
        assertThat(streakOf("UTC", late, later).current).isEqualTo(1);
    }

    @Test
    void springForwardDayHas23HoursAndStillCountsAsOneDay() {
        String ny = "America/New_York";
        // 2025-03-09 is 23 h long in New York (02:00 EST -> 03:00 EDT).
        Instant mar9Late = Instant.parse("2025-03-10T03:30:00Z");   // 23:30 EDT on March 9
        Instant mar10Early = Instant.parse("2025-03-10T04:30:00Z"); // 00:30 EDT on March 10
        assertThat(streakOf(ny, mar9Late, mar10Early).current).isEqualTo(2);
        assertThat(streakOf("UTC", mar9Late, mar10Early).current).isEqualTo(1); // one UTC day

        StreakState s = streakOf(ny, Instant.parse("2025-03-09T05:30:00Z")); // 00:30 EST on March 9
        Instant close = streaks.nextClose(s, LocalDate.of(2025, 3, 9), ny).orElseThrow();
        assertThat(close).isEqualTo(Instant.parse("2025-03-10T04:00:00Z")); // midnight EDT
        assertThat(Duration.between(Instant.parse("2025-03-09T05:00:00Z"), close)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void fallBackDayHas25HoursAndStaysOneDay() {
        String ny = "America/New_York";
        Instant nov2Early = Instant.parse("2025-11-02T04:30:00Z"); // 00:30 EDT on November 2
        Instant nov2Late = Instant.parse("2025-11-03T04:30:00Z");  // 23:30 EST on November 2, 24 h later
        StreakState s = streakOf(ny, nov2Early, nov2Late);
        assertThat(s.current).isEqualTo(1);
        assertThat(s.lastActiveDay).isEqualTo(LocalDate.of(2025, 11, 2));
        Instant close = streaks.nextClose(s, LocalDate.of(2025, 11, 2), ny).orElseThrow();
        assertThat(close).isEqualTo(Instant.parse("2025-11-03T05:00:00Z")); // midnight EST
        assertThat(Duration.between(Instant.parse("2025-11-02T04:00:00Z"), close)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void unknownZoneFallsBackToUtcAndViewsReportToday() {
        assertThat(Streaks.zone("Mars/Olympus_Mons").getId()).isEqualTo("Z");
        StreakState s = streakOf("UTC", Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(streaks.view(s, LocalDate.of(2025, 6, 1), "UTC").activeToday()).isTrue();
        assertThat(streaks.view(s, LocalDate.of(2025, 6, 2), "UTC").activeToday()).isFalse();
    }

    @Test
    void onlyQualifyingVerbsCount() {
        assertThat(StreakPolicy.DEFAULTS.qualifies(Verb.PASSED)).isTrue();
        assertThat(StreakPolicy.DEFAULTS.qualifies(Verb.VIEWED)).isFalse();
        assertThat(StreakPolicy.DEFAULTS.qualifies(Verb.REQUESTED_HINT)).isFalse();
    }

    private StreakState streakOf(String zone, Instant... activities) {
        StreakState s = streaks.newStreak();
        for (Instant at : List.of(activities)) {
            streaks.onActivity(s, Streaks.localDay(at, zone));
        }
        return s;
    }
}
