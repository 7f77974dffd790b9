package dev.learnflow.progress.service;

import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.progress.domain.Activity;
import dev.learnflow.progress.domain.RecordOutcome;
import dev.learnflow.progress.domain.StruggleSignal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Struggle rules over sliding windows, each firing at most once per student/topic/reason per cool-down. */
class StruggleRulesTest {

    private final StudentLedger ledger = new StudentLedger(ProgressSettings.defaults());
    private static final Instant T0 = Instant.parse("2025-05-05T10:00:00Z");

    private List<StruggleSignal> run(StudentState s, String errorType, Instant at) {
        return ledger.record(s, new Activity(UUID.randomUUID().toString(), Verb.RAN, ActivityType.CODE,
                UUID.randomUUID().toString(), "strings", false, null, errorType, at, "UTC"), at).signals();
    }

    private List<StruggleSignal> attempt(StudentState s, String topic, String exercise, boolean success, Instant at) {
        return ledger.record(s, new Activity(UUID.randomUUID().toString(), success ? Verb.PASSED : Verb.FAILED,
                ActivityType.EXERCISE, exercise, topic, success, null, null, at, "UTC"), at).signals();
    }

    /** Failed attempts on topic classes, each on another exercise, these minutes after start; the last's signals. */
    private List<StruggleSignal> failuresOnClasses(StudentState s, Instant start, int... minutes) {
        List<StruggleSignal> signals = List.of();
        for (int minute : minutes) {
            signals = attempt(s, "classes", "c-" + UUID.randomUUID(), false, start.plus(Duration.ofMinutes(minute)));
        }
        return signals;
    }

    private static List<StruggleReason> reasons(List<StruggleSignal> signals) {
        return signals.stream().map(StruggleSignal::reason).toList();
    }

    @Test
    void sameErrorThreeTimesInAnHourFiresOncePerCooldown() {
        StudentState s = ledger.newState();
        assertThat(run(s, "TypeError", T0)).isEmpty();
        assertThat(run(s, "TypeError", T0.plusSeconds(600))).isEmpty();
        List<StruggleSignal> third = run(s, "TypeError", T0.plusSeconds(1200));
        assertThat(third).filteredOn(x -> x.reason() == StruggleReason.REPEATED_ERROR).hasSize(1);
        StruggleSignal signal = third.stream().filter(x -> x.reason() == StruggleReason.REPEATED_ERROR)
                .findFirst().orElseThrow();
        assertThat(signal.topicId()).isEqualTo("strings");
        assertThat(signal.severity()).isEqualTo(AlertSeverity.MEDIUM);
        assertThat(signal.evidence()).containsEntry("errorType", "TypeError").containsEntry("count", 3);
        // More of the same within the cool-down: nothing more for (strings, repeated_error).
        for (int i = 4; i <= 7; i++) {
            assertThat(reasons(run(s, "TypeError", T0.plusSeconds(1200 + i * 60L))))
                    .doesNotContain(StruggleReason.REPEATED_ERROR);
        }
        // After the 24 h cool-down, three more in a fresh window fire again.
        Instant later = T0.plus(Duration.ofHours(25));
        assertThat(reasons(run(s, "TypeError", later))).doesNotContain(StruggleReason.REPEATED_ERROR);
        assertThat(reasons(run(s, "TypeError", later.plusSeconds(60)))).doesNotContain(StruggleReason.REPEATED_ERROR);
        assertThat(reasons(run(s, "TypeError", later.plusSeconds(120)))).contains(StruggleReason.REPEATED_ERROR);
    }

    @Test
    void errorsOutsideTheWindowOrOfAnotherTypeDoNotCount() {
        StudentState s = ledger.newState();
        run(s, "TypeError", T0);
        run(s, "TypeError", T0.plus(Duration.ofMinutes(30)));
        run(s, "NameError", T0.plus(Duration.ofMinutes(40)));
        // The first TypeError left the one-hour window: only two in it.
        assertThat(reasons(run(s, "TypeError", T0.plus(Duration.ofMinutes(61)))))
                .doesNotContain(StruggleReason.REPEATED_ERROR);
        assertThat(reasons(run(s, "TypeError", T0.plus(Duration.ofMinutes(62)))))
                .contains(StruggleReason.REPEATED_ERROR);
    }

    @Test
    void threeFailuresOnOneExerciseSinceItsLastSuccess() {
        StudentState s = ledger.newState();
        attempt(s, "lists", "ex-a", false, T0);
        attempt(s, "lists", "ex-a", false, T0.plusSeconds(60));
        attempt(s, "lists", "ex-a", true, T0.plusSeconds(120)); // a success resets the count
        attempt(s, "lists", "ex-a", false, T0.plusSeconds(180));
        attempt(s, "lists", "ex-b", false, T0.plusSeconds(200)); // another exercise
        assertThat(reasons(attempt(s, "lists", "ex-a", false, T0.plusSeconds(240))))
                .doesNotContain(StruggleReason.REPEATED_FAILURE);
        List<StruggleSignal> third = attempt(s, "lists", "ex-a", false, T0.plusSeconds(300));
        StruggleSignal signal = third.stream().filter(x -> x.reason() == StruggleReason.REPEATED_FAILURE)
                .findFirst().orElseThrow();
        assertThat(signal.evidence()).containsEntry("objectId", "ex-a").containsEntry("failures", 3)
                .containsEntry("objectType", "exercise");
        assertThat(reasons(attempt(s, "lists", "ex-a", false, T0.plusSeconds(360))))
                .doesNotContain(StruggleReason.REPEATED_FAILURE);
    }

    @Test
    void masteryDroppingFromItsPeakWithFailures() {
        StudentState s = ledger.newState();
        attempt(s, "dictionaries", "d1", true, T0);
        attempt(s, "dictionaries", "d2", true, T0.plusSeconds(60)); // P(L) = 0.925
        // One slip: 0.925 -> 0.6203 (drop 0.30) but only one failure: not yet.
        assertThat(reasons(attempt(s, "dictionaries", "d3", false, T0.plusSeconds(120))))
                .doesNotContain(StruggleReason.MASTERY_DROP);
        // Second failure: 0.6203 -> 0.2383, drop 0.687 from the peak 0.925.
        List<StruggleSignal> signals = attempt(s, "dictionaries", "d4", false, T0.plusSeconds(180));
        StruggleSignal drop = signals.stream().filter(x -> x.reason() == StruggleReason.MASTERY_DROP)
                .findFirst().orElseThrow();
        assertThat(drop.severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(drop.evidence()).containsEntry("peakPKnown", 0.925).containsEntry("pKnown", 0.2383)
                .containsEntry("failures", 2);
    }

    @Test
    void failingForHalfAnHourWithoutSuccessIsStuck() {
        StudentState s = ledger.newState();
        failuresOnClasses(s, T0, 0, 10);
        assertThat(reasons(failuresOnClasses(s, T0, 20))).doesNotContain(StruggleReason.STUCK);
        List<StruggleSignal> signals = failuresOnClasses(s, T0, 31);
        StruggleSignal stuck = signals.stream().filter(x -> x.reason() == StruggleReason.STUCK).findFirst()
                .orElseThrow();
        assertThat(stuck.evidence()).containsEntry("minutes", 31L).containsEntry("failures", 4);
        assertThat(stuck.evidence().get("since")).isEqualTo(T0.toString());
        // A success ends being stuck: failing again right after does not fire (and the cool-down holds anyway).
        attempt(s, "classes", "c5", true, T0.plus(Duration.ofMinutes(40)));
        StudentState fresh = ledger.newState();
        failuresOnClasses(fresh, T0, 0, 20);
        attempt(fresh, "classes", "c3", true, T0.plus(Duration.ofMinutes(25)));
        assertThat(reasons(failuresOnClasses(fresh, T0, 28, 29, 35))).doesNotContain(StruggleReason.STUCK);
    }

    @Test
    void comingBackAfterABreakIsNotBeingStuck() {
        StudentState s = ledger.newState();
        failuresOnClasses(s, T0, 0, 5);
        // The next day: three quick failures. The ones from yesterday are outside the 2 h window.
        assertThat(reasons(failuresOnClasses(s, T0.plus(Duration.ofHours(20)), 0, 2, 4)))
                .doesNotContain(StruggleReason.STUCK);
    }

    @Test
    void aRedeliveryReturnsTheSignalsOfItsFirstApplication() {
        StudentState s = ledger.newState();
        run(s, "KeyError", T0);
        run(s, "KeyError", T0.plusSeconds(1));
        Activity third = new Activity("third", Verb.RAN, ActivityType.CODE, "r3", "strings", false, null,
                "KeyError", T0.plusSeconds(2), "UTC");
        RecordOutcome first = ledger.record(s, third, T0.plusSeconds(2));
        RecordOutcome again = ledger.record(s, third, T0.plusSeconds(3));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.signals()).isEqualTo(first.signals()).isNotEmpty();
    }
}
