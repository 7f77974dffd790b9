package dev.learnflow.progress.service;

import dev.learnflow.contracts.domain.MasteryLevel;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.progress.domain.Activity;
import dev.learnflow.progress.domain.ActivityEntry;
import dev.learnflow.progress.domain.ErrorStats;
import dev.learnflow.progress.domain.RecordOutcome;
import dev.learnflow.progress.domain.StudentSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Folding activities into one student's state: mastery, idempotency, activity, errors, bounds. */
class StudentLedgerTest {

    private final StudentLedger ledger = new StudentLedger(ProgressSettings.defaults());
    private static final Instant T0 = Instant.parse("2025-05-05T10:00:00Z");

    static Activity graded(String topic, boolean success, Instant at) {
        return new Activity(UUID.randomUUID().toString(), success ? Verb.PASSED : Verb.FAILED, ActivityType.EXERCISE,
                "ex-1", topic, success, null, null, at, "UTC");
    }

    @Test
    void gradedAttemptsUpdateMasteryWithBkt() {
        StudentState s = ledger.newState();
        RecordOutcome first = ledger.record(s, graded("for-loops", true, T0), T0);
        assertThat(first.duplicate()).isFalse();
        assertThat(first.topic().pKnown()).isCloseTo(0.55, within(1e-12));
        assertThat(first.topic().level()).isEqualTo(MasteryLevel.DEVELOPING);
        ledger.record(s, graded("for-loops", true, T0.plusSeconds(60)), T0.plusSeconds(60));
        RecordOutcome third = ledger.record(s, graded("for-loops", true, T0.plusSeconds(120)), T0.plusSeconds(120));
        assertThat(third.topic().pKnown()).isCloseTo(0.991964285714, within(1e-11));
        assertThat(third.topic().level()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(third.topic().attempts()).isEqualTo(3);
        assertThat(third.topic().correct()).isEqualTo(3);
        assertThat(third.topic().lastActivityAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(s.currentTopicId()).isEqualTo("for-loops");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        StudentState s = ledger.newState();
        Activity a = new Activity("evt-1", Verb.FAILED, ActivityType.EXERCISE, "ex-1", "strings", false, 0.2,
                "TypeError", T0, "UTC");
        RecordOutcome first = ledger.record(s, a, T0);
        RecordOutcome again = ledger.record(s, a, T0.plusSeconds(5));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.topic()).isEqualTo(first.topic());
        assertThat(s.topics().get("strings").attempts()).isEqualTo(1);
        assertThat(s.recentActivity()).hasSize(1);
        assertThat(s.errorTypes().get("TypeError").count()).isEqualTo(1);
        assertThat(s.streak().current()).isEqualTo(1);
        assertThat(s.appliedEventCount()).isEqualTo(1);
    }

    @Test
    void ungradedActivityTouchesTheTopicButNotMastery() {
        StudentState s = ledger.newState();
        RecordOutcome viewed = ledger.record(s, new Activity("v", Verb.VIEWED, ActivityType.CONCEPT, "c",
                "strings", null, null, null, T0, "UTC"), T0);
        assertThat(viewed.topic().pKnown()).isEqualTo(0.1); // the prior
        assertThat(viewed.topic().attempts()).isZero();
        assertThat(viewed.topic().lastActivityAt()).isEqualTo(T0);
        assertThat(s.streak().current()).isZero(); // viewing does not make a streak day
        RecordOutcome ran = ledger.record(s, new Activity("r", Verb.RAN, ActivityType.CODE, "run-1", null, null,
                null, "NameError", T0, "UTC"), T0);
        assertThat(ran.topic()).isNull();
        assertThat(s.streak().current()).isEqualTo(1);
        assertThat(s.errorTypes()).containsKey("NameError");
    }

    @Test
    void answeredQuizUsesItsSuccessAndPassedWithoutResultIsCorrect() {
        StudentState s = ledger.newState();
        ledger.record(s, new Activity("q", Verb.ANSWERED, ActivityType.QUIZ, "quiz-1", "lists", false, null, null,
                T0, "UTC"), T0);
        assertThat(s.topics().get("lists").pKnown()).isCloseTo(0.110975609756, within(1e-11));
        ledger.record(s, new Activity("p", Verb.PASSED, ActivityType.EXERCISE, "ex", "tuples", null, null, null,
                T0, "UTC"), T0);
        assertThat(s.topics().get("tuples").correct()).isEqualTo(1);
    }

    @Test
    void aFutureEventTimeIsCappedAtNow() {
        StudentState s = ledger.newState();
        Instant now = Instant.parse("2025-05-05T23:00:00Z");
        ledger.record(s, graded("strings", true, now.plus(Duration.ofHours(5))), now);
        assertThat(s.streak().lastActiveDay()).isEqualTo(LocalDate.of(2025, 5, 5));
        assertThat(s.topics().get("strings").lastActivityAt()).isEqualTo(now);
    }

    @Test
    void historiesAreBounded() {
        ProgressSettings small = new ProgressSettings(BktModel.withDefaults(), MasteryBands.DEFAULTS,
                StreakPolicy.DEFAULTS, StrugglePolicy.DEFAULTS, new HistoryLimits(10, 10, 10));
        StudentLedger bounded = new StudentLedger(small);
        StudentState s = bounded.newState();
        for (int i = 0; i < 25; i++) {
            bounded.record(s, new Activity("e" + i, Verb.RAN, ActivityType.CODE, "r" + i, null, null, null,
                    "E" + (i % 3), T0.plusSeconds(i), "UTC"), T0.plusSeconds(i));
        }
        assertThat(s.recentActivity()).hasSize(10);
        assertThat(s.recentActivity().get(9).eventId()).isEqualTo("e24");
        assertThat(s.recentErrors()).hasSize(10);
        assertThat(s.appliedEventCount()).isEqualTo(10);
        assertThat(s.hasApplied("e24")).isTrue();
        assertThat(s.hasApplied("e0")).isFalse();
        assertThat(s.errorTypes().values().stream().mapToLong(ErrorStats::count).sum()).isEqualTo(25);
    }

    @Test
    void snapshotListsNewestFirstAndTheZoneDecidesToday() {
        StudentState s = ledger.newState();
        Instant at = Instant.parse("2025-06-01T13:00:00Z"); // 01:00 on June 2 in Auckland
        ledger.record(s, new Activity("a", Verb.SUBMITTED, ActivityType.EXERCISE, "x", "strings", null, null,
                null, at.minusSeconds(60), "Pacific/Auckland"), at);
        ledger.record(s, new Activity("b", Verb.ASKED, ActivityType.QUESTION, "y", null, null, null, null, at,
                "Pacific/Auckland"), at);
        StudentSnapshot snap = ledger.snapshot(s, at);
        assertThat(snap.recentActivity()).extracting(ActivityEntry::eventId).containsExactly("b", "a");
        assertThat(snap.timezone()).isEqualTo("Pacific/Auckland");
        assertThat(snap.streak().lastActiveDay()).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(snap.streak().activeToday()).isTrue();
    }
}
