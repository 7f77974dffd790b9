package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.progress.client.StudentSnapshots;
import dev.learnflow.progress.domain.StudentReadModel;
import dev.learnflow.progress.service.LiveReadModels;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 19: a student's reads are answered from the read model progress stores with the recorded events (Dapr state
 * store, key {@code student-snapshot-<id>}), not by a StudentActor turn; while the student's actor is active here,
 * from its copy in memory ({@link LiveReadModels}) instead; the actor answers only for a student recorded before the
 * copies existed, whose copy is stored then.
 */
@QuarkusTest
class ReadModelTest extends ProgressFixtures {

    @Inject
    StudentSnapshots snapshots;
    @Inject
    StateStores stores;
    @Inject
    LiveReadModels live;

    /** The stored read models as they are, written without the revision check. */
    private StateStore<StudentReadModel> raw() {
        return stores.of(StudentReadModel.class, "student-snapshot-");
    }

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

    private StudentReadModel row(UUID student) {
        return raw().get(student.toString()).orElseThrow();
    }

    /** Deactivates the student's actor in this app, the call the sidecar makes when the actor has idled. */
    private static void deactivate(UUID student) {
        given().when().delete("/actors/StudentActor/" + student).then().statusCode(200);
    }

    /** Replaces the stored row's mastery on "strings" (without the revision check), as no turn would. */
    private void tamperWithRow(UUID student, double pKnown) {
        StudentReadModel row = row(student);
        ObjectNode tampered = row.state().deepCopy();
        ((ObjectNode) tampered.path("topics").path("strings")).put("pKnown", pKnown);
        raw().save(student.toString(), new StudentReadModel(row.revision(), tampered));
    }

    @Test
    void theReadModelIsWrittenWithTheEventsAndTheReadsAreAnsweredFromIt() {
        UUID student = studentWithTwoAnswers("UTC", true);

        // The row holds what the actor holds (two correct answers: 0.1 -> 0.55 -> 0.925), minus its bookkeeping.
        StudentReadModel row = row(student);
        JsonNode actor = SidecarProbe.state(student).orElseThrow();
        assertThat(row.revision()).isEqualTo(actor.path("revision").asLong()).isPositive();
        String stored = row.state().toString();
        assertThat(stored).contains("\"pKnown\":0.925").doesNotContain("appliedEvents\":{\"");
        assertThat(actor.path("appliedEvents").size()).isEqualTo(2);
        assertThat(stringsPKnown(get(student, "progress"))).isCloseTo(0.925, within(1e-9));

        // Once the actor is gone, whatever the row says is what the reads answer: no actor turn in between.
        deactivate(student);
        tamperWithRow(student, 0.5);
        assertThat(stringsPKnown(get(student, "progress"))).isCloseTo(0.5, within(1e-9));
        assertThat(new JsonPath(get(student, "context")).getDouble("mastery.strings")).isCloseTo(0.5, within(1e-6));
        assertThat(SidecarProbe.state(student).orElseThrow().path("topics").path("strings").path("pKnown")
                .asDouble()).isCloseTo(0.925, within(1e-9));

        // The next recorded event brings the row back to the actor's state.
        deliver(student, "ex-3", true, Instant.now().minusSeconds(30));
        assertThat(stringsPKnown(get(student, "progress"))).isCloseTo(0.991964285714, within(1e-11));
        assertThat(row(student).revision())
                .isEqualTo(SidecarProbe.state(student).orElseThrow().path("revision").asLong());
    }

    @Test
    void anActiveActorsReadsComeFromItsCopyInMemoryUntilItDeactivates() {
        UUID student = studentWithTwoAnswers("UTC", true);
        // The turn left its copy in memory, the one it stored: same revision as the row and the actor's state.
        StudentReadModel held = live.find(student).orElseThrow();
        assertThat(held.revision()).isEqualTo(row(student).revision())
                .isEqualTo(SidecarProbe.state(student).orElseThrow().path("revision").asLong());

        // A changed row is not read while the actor is active: the reads answer from memory.
        tamperWithRow(student, 0.5);
        assertThat(stringsPKnown(get(student, "progress"))).isCloseTo(0.925, within(1e-9));
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(1));

        // Deactivated: the copy is dropped and the reads come from storage again (the changed row shows).
        deactivate(student);
        assertThat(live.find(student)).isEmpty();
        assertThat(stringsPKnown(get(student, "progress"))).isCloseTo(0.5, within(1e-9));
        assertThat(live.find(student)).isEmpty(); // a read does not bring the copy back

        // Read your writes: each applied event shows in the next read, from the reactivated actor's new copy.
        deliver(student, "ex-3", true, Instant.now().minusSeconds(30));
        assertThat(live.find(student)).isPresent();
        assertThat(stringsPKnown(get(student, "progress"))).isCloseTo(0.991964285714, within(1e-11));
        deliver(student, "ex-4", false, Instant.now().minusSeconds(20));
        assertThat(live.find(student).orElseThrow().revision()).isEqualTo(row(student).revision());
        assertThat(stringsPKnown(get(student, "progress")))
                .isCloseTo(row(student).state().path("topics").path("strings").path("pKnown").asDouble(),
                        within(1e-12))
                .isLessThan(0.991964285714);
    }

    @Test
    void anOlderReadModelNeverReplacesANewerOne() throws Exception {
        UUID student = data.student("UTC", null);
        deliver(student, "ex-1", true, Instant.now().minusSeconds(30));
        long revision = row(student).revision();

        snapshots.save(student, new StudentReadModel(revision - 1, mapper.readTree("{\"timezone\":\"Asia/Tokyo\"}")));
        assertThat(row(student).state().path("timezone").asText()).isEqualTo("UTC");
        snapshots.save(student, new StudentReadModel(revision, mapper.readTree("{\"timezone\":\"Asia/Tokyo\"}")));
        assertThat(row(student).state().path("timezone").asText()).isEqualTo("UTC");
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("timezone", equalTo("UTC"));
    }

    @Test
    void aStudentRecordedBeforeReadModelsExistedIsReadFromTheActorOnceAndGetsOne() {
        UUID student = studentWithTwoAnswers("Europe/Berlin", false);
        String progress = get(student, "progress");
        String context = get(student, "context");
        String errors = get(student, "errors");
        long revision = row(student).revision();

        deactivate(student);
        raw().delete(student.toString());
        assertThat(get(student, "progress")).isEqualTo(progress);
        assertThat(row(student).revision()).isEqualTo(revision);
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
        assertThat(raw().get(student.toString())).isEmpty();
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
        long revision = row(student).revision();

        // The next day nothing happened yet: still 2, not active today; two days later: broken, by the read alone.
        clock.set(d.plusDays(2).atTime(10, 0).atZone(tokyo));
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(2)).body("activeToday", equalTo(false));
        clock.set(d.plusDays(3).atTime(10, 0).atZone(tokyo));
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(0)).body("longest", equalTo(2));
        assertThat(row(student).revision()).isEqualTo(revision);
        assertThat(row(student).state().path("streak").path("current").asInt()).isEqualTo(2);
    }
}
