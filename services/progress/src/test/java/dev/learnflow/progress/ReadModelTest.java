package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.progress.client.StudentSnapshots;
import dev.learnflow.progress.domain.StudentReadModel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 19: a student's reads are answered from the read model progress stores with the recorded events
 * ({@code student_snapshot}), not by a StudentActor turn; the actor answers only for a student recorded before the
 * copies existed, whose copy is stored then.
 */
@QuarkusTest
class ReadModelTest extends ProgressFixtures {

    @Inject
    StudentSnapshots snapshots;

    private void deliver(UUID student, String exercise, boolean success, Instant at) {
        Events.deliver(mapper, Events.attempt(student, "strings", exercise, success, at))
                .body("status", equalTo("SUCCESS"));
    }

    /** A student in this zone who answered on "strings" twice a minute ago: right, then as {@code secondRight}. */
    private UUID studentWithTwoAnswers(String timezone, boolean secondRight) {
        UUID student = data.student(timezone, null);
        Instant t = Instant.now().minusSeconds(60);
        deliver(student, "ex-1", true, t);
        deliver(student, "ex-2", secondRight, t.plusSeconds(1));
        return student;
    }

    private static String get(UUID student, String what) {
        return Caller.student(student).when().get("/internal/students/" + student + "/" + what).then()
                .statusCode(200).extract().asString();
    }

    private static double stringsPKnown(String progress) {
        return new JsonPath(progress).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE))
                .getDouble("modules.topics.flatten().find { it.topicId == 'strings' }.pKnown");
    }

    private Row row(UUID student) {
        List<Row> rows = data.rows("select revision, state from student_snapshot where user_id = $1", student);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void theReadModelIsWrittenWithTheEventsAndTheReadsAreAnsweredFromIt() {
        UUID student = studentWithTwoAnswers("UTC", true);

        // The row holds what the actor holds (two correct answers: 0.1 -> 0.55 -> 0.925), minus its bookkeeping.
        Row row = row(student);
        JsonNode actor = SidecarProbe.state(student).orElseThrow();
        assertThat(row.getLong("revision")).isEqualTo(actor.path("revision").asLong()).isPositive();
        String stored = row.getJsonObject("state").encode();
        assertThat(stored).contains("\"pKnown\":0.925").doesNotContain("appliedEvents\":{\"");
        assertThat(actor.path("appliedEvents").size()).isEqualTo(2);
        assertThat(stringsPKnown(get(student, "progress"))).isCloseTo(0.925, within(1e-9));

        // Whatever the row says is what the reads answer: no actor turn in between.
        data.exec("update student_snapshot set state = jsonb_set(state, '{topics,strings,pKnown}', '0.5') "
                + "where user_id = $1", student);
        assertThat(stringsPKnown(get(student, "progress"))).isCloseTo(0.5, within(1e-9));
        assertThat(new JsonPath(get(student, "context")).getDouble("mastery.strings")).isCloseTo(0.5, within(1e-6));
        assertThat(SidecarProbe.state(student).orElseThrow().path("topics").path("strings").path("pKnown")
                .asDouble()).isCloseTo(0.925, within(1e-9));

        // The next recorded event brings the row back to the actor's state.
        deliver(student, "ex-3", true, Instant.now().minusSeconds(30));
        assertThat(stringsPKnown(get(student, "progress"))).isCloseTo(0.991964285714, within(1e-11));
        assertThat(row(student).getLong("revision"))
                .isEqualTo(SidecarProbe.state(student).orElseThrow().path("revision").asLong());
    }

    @Test
    void anOlderReadModelNeverReplacesANewerOne() throws Exception {
        UUID student = data.student("UTC", null);
        deliver(student, "ex-1", true, Instant.now().minusSeconds(30));
        Row row = row(student);
        long revision = row.getLong("revision");

        snapshots.save(student, new StudentReadModel(revision - 1, mapper.readTree("{\"timezone\":\"Asia/Tokyo\"}")),
                Instant.now());
        assertThat(row(student).getJsonObject("state").getString("timezone")).isEqualTo("UTC");
        snapshots.save(student, new StudentReadModel(revision, mapper.readTree("{\"timezone\":\"Asia/Tokyo\"}")),
                Instant.now());
        assertThat(row(student).getJsonObject("state").getString("timezone")).isEqualTo("UTC");
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("timezone", equalTo("UTC"));
    }

    @Test
    void aStudentRecordedBeforeReadModelsExistedIsReadFromTheActorOnceAndGetsOne() {
        UUID student = studentWithTwoAnswers("Europe/Berlin", false);
        String progress = get(student, "progress");
        String context = get(student, "context");
        String errors = get(student, "errors");
        long revision = row(student).getLong("revision");

        data.exec("delete from student_snapshot where user_id = $1", student);
        assertThat(get(student, "progress")).isEqualTo(progress);
        assertThat(row(student).getLong("revision")).isEqualTo(revision);
        assertThat(get(student, "context")).isEqualTo(context);
        assertThat(get(student, "errors")).isEqualTo(errors);
    }

    @Test
    void aStudentWithoutEventsReadsAsNewWithoutARow() {
        UUID student = data.student("America/New_York", null);
        JsonPath progress = new JsonPath(get(student, "progress"));
        assertThat(progress.getDouble("pKnown")).isZero();
        assertThat(progress.getInt("streak.current")).isZero();
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(0)).body("activeToday", equalTo(false));
        assertThat(data.rows("select 1 from student_snapshot where user_id = $1", student)).isEmpty();
        assertThat(SidecarProbe.state(student)).isEmpty();
    }

    @Test
    void theStreakIsAsOfTodayWhateverTheStoredCopySays() {
        UUID student = data.student("Asia/Tokyo", null);
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        LocalDate d = LocalDate.of(2025, 10, 6);
        clock.set(d.atTime(10, 0).atZone(tokyo));
        deliver(student, "ex-monday", true, clock.instant());
        clock.set(d.plusDays(1).atTime(10, 0).atZone(tokyo));
        deliver(student, "ex-tuesday", true, clock.instant());
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(2)).body("activeToday", equalTo(true));
        long revision = row(student).getLong("revision");

        // The next day nothing happened yet: still 2, not active today; two days later: broken, by the read alone.
        clock.set(d.plusDays(2).atTime(10, 0).atZone(tokyo));
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(2)).body("activeToday", equalTo(false));
        clock.set(d.plusDays(3).atTime(10, 0).atZone(tokyo));
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(0)).body("longest", equalTo(2));
        assertThat(row(student).getLong("revision")).isEqualTo(revision);
        assertThat(row(student).getJsonObject("state").getJsonObject("streak").getInteger("current")).isEqualTo(2);
    }
}
