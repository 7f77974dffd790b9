package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.Verb;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Streaks driven by the controllable clock: days in the student's zone, the midnight reminder firing through the
 * sidecar (so a streak breaks with no request at all), DST days of 23 hours, missed days and freezes.
 * The actor's persisted state is read through the sidecar, not by calling the actor (a call closes days itself).
 */
@QuarkusTest
class StreakReminderTest extends ProgressFixtures {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private void activity(UUID student, Instant at) {
        Events.deliver(mapper, Events.event(student, Verb.SUBMITTED, ActivityType.EXERCISE, "ex-" + at, "strings",
                null, at)).statusCode(200).body("status", equalTo("SUCCESS"));
    }

    private void activityNow(UUID student) {
        activity(student, clock.instant());
    }

    @Test
    void theMidnightReminderClosesDaysWithoutRequestsAcrossTheSpringForwardDay() {
        UUID student = data.student("America/New_York", null);
        // Fifteen seconds before midnight on Saturday March 8, 2025 (EST, UTC-5): time enough to record the
        // activity before the day ends, even on a slow machine.
        clock.set(ZonedDateTime.of(2025, 3, 8, 23, 59, 45, 0, NEW_YORK));
        activityNow(student);
        JsonNode streak = SidecarProbe.streak(student);
        assertThat(streak.path("current").asInt()).isEqualTo(1);
        assertThat(streak.path("lastActiveDay").asText()).isEqualTo("2025-03-08");
        assertThat(Instant.parse(streak.path("reminderDueAt").asText()))
                .isEqualTo(Instant.parse("2025-03-09T05:00:00Z"));
        assertThat(SidecarProbe.reminder(student)).isPresent();

        // The sidecar fires the reminder on its own at local midnight; nobody calls the service.
        await("day March 8 closed by the reminder").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> SidecarProbe.streak(student).path("closedThrough").asText().equals("2025-03-08"));
        streak = SidecarProbe.streak(student);
        assertThat(streak.path("current").asInt()).isEqualTo(1);
        // Re-armed for the next local midnight: 00:00 EDT on March 10, 23 hours after 00:00 EST on March 9.
        Instant next = Instant.parse(streak.path("reminderDueAt").asText());
        assertThat(next).isEqualTo(Instant.parse("2025-03-10T04:00:00Z"));
        assertThat(Duration.between(Instant.parse("2025-03-09T05:00:00Z"), next)).isEqualTo(Duration.ofHours(23));

        // March 9 passes without activity. The wall clock the sidecar schedules on cannot be moved, so the test
        // moves the service's clock past that midnight and makes the armed reminder due now.
        clock.set(ZonedDateTime.of(2025, 3, 10, 0, 0, 2, 0, NEW_YORK));
        SidecarProbe.fireReminderNow(student);
        await("day March 9 closed by the reminder").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> SidecarProbe.streak(student).path("closedThrough").asText().equals("2025-03-09"));
        streak = SidecarProbe.streak(student);
        assertThat(streak.path("current").asInt()).isZero();
        assertThat(streak.path("longest").asInt()).isEqualTo(1);
        assertThat(streak.path("reminderDueAt").isNull() || streak.path("reminderDueAt").isMissingNode()).isTrue();
        assertThat(SidecarProbe.reminder(student)).isEmpty(); // no streak left to keep: no reminder

        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(0)).body("longest", equalTo(1))
                .body("lastActiveDay", equalTo("2025-03-08")).body("timezone", equalTo("America/New_York"))
                .body("activeToday", equalTo(false));
    }

    @Test
    void consecutiveAndMissedDaysInTheStudentsZone() {
        UUID student = data.student("Europe/Berlin", null);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate d = LocalDate.of(2025, 4, 7);
        for (int i = 0; i < 3; i++) {
            clock.set(d.plusDays(i).atTime(20, 0).atZone(berlin));
            activityNow(student);
        }
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(3)).body("longest", equalTo(3)).body("activeToday", equalTo(true));
        // Day 4 missed; on day 5 the streak shows broken even before any activity (the read closes the days)...
        clock.set(d.plusDays(4).atTime(9, 0).atZone(berlin));
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(0)).body("longest", equalTo(3)).body("activeToday", equalTo(false));
        // ...and activity starts a new one.
        activityNow(student);
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(1)).body("longest", equalTo(3))
                .body("lastActiveDay", equalTo(d.plusDays(4).toString()));
    }

    @Test
    void theSameMomentsAreDifferentDaysInAucklandAndLosAngeles() {
        UUID auckland = data.student("Pacific/Auckland", null);
        UUID losAngeles = data.student("America/Los_Angeles", null);
        Instant first = Instant.parse("2025-06-01T11:00:00Z");  // 23:00 in Auckland, 04:00 in Los Angeles
        Instant second = Instant.parse("2025-06-01T13:00:00Z"); // 01:00 next day in Auckland, 06:00 in LA
        clock.set(second.plusSeconds(5));
        for (UUID s : new UUID[]{auckland, losAngeles}) {
            activity(s, first);
            activity(s, second);
        }
        Caller.student(auckland).when().get("/internal/students/" + auckland + "/streak").then().statusCode(200)
                .body("current", equalTo(2)).body("lastActiveDay", equalTo("2025-06-02"));
        Caller.student(losAngeles).when().get("/internal/students/" + losAngeles + "/streak").then().statusCode(200)
                .body("current", equalTo(1)).body("lastActiveDay", equalTo("2025-06-01"));
    }

    @Test
    void aWeekLongStreakEarnsAFreezeThatTheReminderSpendsOnAMissedDay() {
        UUID student = data.student("UTC", null);
        LocalDate d = LocalDate.of(2025, 9, 1);
        for (int i = 0; i < 7; i++) {
            clock.set(d.plusDays(i).atTime(12, 0).atZone(ZoneId.of("UTC")));
            activityNow(student);
        }
        JsonNode streak = SidecarProbe.streak(student);
        assertThat(streak.path("current").asInt()).isEqualTo(7);
        assertThat(streak.path("freezesLeft").asInt()).isEqualTo(1);

        // Day 8 (September 8) is missed; at its midnight the reminder spends the freeze instead of breaking.
        clock.set(d.plusDays(8).atStartOfDay(ZoneId.of("UTC")).plusSeconds(1));
        SidecarProbe.fireReminderNow(student); // armed for the midnight ending September 7
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> SidecarProbe.streak(student).path("closedThrough").asText().equals("2025-09-08"));
        streak = SidecarProbe.streak(student);
        assertThat(streak.path("current").asInt()).isEqualTo(7);
        assertThat(streak.path("freezesLeft").asInt()).isZero();
        assertThat(streak.path("frozenDays").get(0).asText()).isEqualTo("2025-09-08");

        clock.set(d.plusDays(8).atTime(12, 0).atZone(ZoneId.of("UTC")));
        activityNow(student);
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(8)).body("longest", equalTo(8)).body("freezesLeft", equalTo(0));
    }
}
