package dev.learnflow.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.local.testing.BulkEnvelope;
import dev.learnflow.local.testing.GatewayUsers;
import dev.learnflow.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * struggle.detected published through the real sidecar onto the embedded Kafka → this service's sidecar → alert in
 * PostgreSQL → live push through the sidecars to the websocket replicas (recorded on websocket-a).
 */
@QuarkusTest
class StruggleAlertsTest extends WithWebsocketReplicas {

    @Inject
    ObjectMapper mapper;

    @Test
    void aStruggleBecomesAnAlertForTheStudentsTeacherPushedLive() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        CloudEvent<StruggleDetected> signal = Signals.publish(dapr, Signals.repeatedError(student, "variables"));

        Map<String, Object> row = awaitAlerts(student, 1).get(0);
        assertThat(row.get("teacher_id")).isEqualTo(teacher);
        assertThat(row.get("topic_id")).isEqualTo("variables");
        assertThat(row.get("reason")).isEqualTo("repeated_error");
        assertThat(row.get("severity")).isEqualTo("high");
        assertThat(row.get("status")).isEqualTo("open");
        assertThat((String) row.get("evidence")).contains("\"errorType\": \"TypeError\"").contains("\"count\": 4");
        assertThat(row.get("dedup_key")).isEqualTo(student + ":variables:repeated_error");

        PushRecorder.Push push = WebsocketReplicas.recorder().await(p -> p.id().equals(row.get("id").toString()));
        assertThat(push.callerApp()).isEqualTo("notification");
        assertThat(push.type()).isEqualTo("alert.created");
        assertThat(push.body().path("correlationId").asText()).isEqualTo(signal.id());
        assertThat(push.body().path("recipients")).hasSize(1);
        assertThat(push.body().path("recipients").get(0).asText()).isEqualTo(teacher.toString());
        JsonNode alert = push.body().path("payload");
        assertThat(alert.path("studentId").asText()).isEqualTo(student.toString());
        assertThat(alert.path("teacherId").asText()).isEqualTo(teacher.toString());
        assertThat(alert.path("severity").asText()).isEqualTo("high");
        assertThat(alert.path("status").asText()).isEqualTo("open");
        assertThat(alert.path("evidence").path("count").asInt()).isEqualTo(4);
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneAlert() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        CloudEvent<StruggleDetected> signal = Signals.repeatedError(student, "for-loops");
        Signals.publish(dapr, signal);
        Signals.publish(dapr, signal);
        processedUpToHere();
        List<Map<String, Object>> rows = Db.alertsOf(student);
        assertThat(rows).hasSize(1);
        // Any second push carries the same id, which the websocket service delivers once.
        assertThat(WebsocketReplicas.recorder().all(p -> p.body().path("payload").path("studentId").asText()
                .equals(student.toString()))).extracting(PushRecorder.Push::id).containsOnly(rows.get(0).get("id").toString());
    }

    @Test
    void aRepeatWhileTheAlertIsLiveIsDeduplicatedAndANewOneFollowsResolution() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        UUID first = raiseFirstAlert(student);
        Signals.publish(dapr, Signals.repeatedError(student, "variables"));
        processedUpToHere();
        assertThat(Db.alertsOf(student)).hasSize(1);

        act(teacher, first, "{\"action\":\"resolve\"}").statusCode(200);
        Signals.publish(dapr, Signals.repeatedError(student, "variables"));
        List<Map<String, Object>> rows = awaitAlerts(student, 2);
        assertThat(rows.get(0).get("status")).isEqualTo("resolved");
        assertThat(rows.get(1).get("status")).isEqualTo("open");
    }

    @Test
    void aMutedStruggleRaisesNothingUntilTheAlertIsResolved() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        UUID alert = raiseFirstAlert(student);
        act(teacher, alert, "{\"action\":\"mute\",\"muteHours\":2,\"note\":\"talked to her\"}").statusCode(200);

        Signals.publish(dapr, Signals.repeatedError(student, "variables"));
        processedUpToHere();
        assertThat(Db.alertsOf(student)).hasSize(1);

        act(teacher, alert, "{\"action\":\"resolve\"}").statusCode(200);
        Signals.publish(dapr, Signals.repeatedError(student, "variables"));
        assertThat(awaitAlerts(student, 2).get(1).get("status")).isEqualTo("open");
    }

    @Test
    void aBatchLooksUpItsMuteWindowsTogetherAndOnlyTheMutedStruggleIsAbsorbed() {
        UUID teacher = Db.teacher();
        UUID muted = Db.student(teacher);
        UUID other = Db.student(teacher);
        UUID alert = raiseFirstAlert(muted);
        act(teacher, alert, "{\"action\":\"mute\",\"muteHours\":2}").statusCode(200);

        // one batch: the muted struggle again, the same reason on another topic, and another student's struggle
        deliverBatch(List.of(Signals.repeatedError(muted, "variables"), Signals.repeatedError(muted, "for-loops"),
                Signals.repeatedError(other, "variables")))
                .body("statuses.status", org.hamcrest.Matchers.equalTo(List.of("SUCCESS", "SUCCESS", "SUCCESS")));
        assertThat(Db.alertsOf(muted)).extracting(row -> row.get("topic_id"))
                .containsExactlyInAnyOrder("variables", "for-loops");
        assertThat(Db.alertsOf(other)).hasSize(1);
    }

    @Test
    void aStudentWithoutATeacherGetsAnAlertNobodyIsPushed() {
        UUID student = Db.student(null);
        Signals.publish(dapr, Signals.repeatedError(student, null));
        Map<String, Object> row = awaitAlerts(student, 1).get(0);
        assertThat(row.get("teacher_id")).isNull();
        assertThat(row.get("topic_id")).isNull();
        assertThat(row.get("dedup_key")).isEqualTo(student + ":-:repeated_error");
        processedUpToHere();
        assertThat(WebsocketReplicas.recorder().all(p -> p.id().equals(row.get("id").toString()))).isEmpty();
    }

    @Test
    void aPushThatFailsIsRetriedUntilTheReplicaTakesIt() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        WebsocketReplicas.recorder().failNext(2);
        Signals.publish(dapr, Signals.repeatedError(student, "variables"));
        String id = awaitAlerts(student, 1).get(0).get("id").toString();
        PushRecorder recorder = WebsocketReplicas.recorder();
        await().alias("a third push attempt").atMost(NotificationFixtures.WAIT)
                .until(() -> recorder.all(p -> p.id().equals(id)).size(), n -> n >= 3);
        processedUpToHere();
        assertThat(Db.alertsOf(student)).hasSize(1);
    }

    @Test
    void whileTheGatewayIsDownASignalIsRetriedThenBecomesOneAlert() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        var askedForStudent = getRequestedFor(urlEqualTo("/internal/users/" + student));
        try (GatewayUsers.Outage down = GatewayUsers.outage()) {
            Signals.publish(dapr, Signals.repeatedError(student, "variables"));
            // Who the student's teacher is cannot be known now: the sidecar redelivers, nothing is raised.
            await().alias("a redelivery").atMost(NotificationFixtures.WAIT)
                    .until(() -> GatewayUsers.gateway().findAll(askedForStudent).size(), n -> n >= 2);
            assertThat(Db.alertsOf(student)).isEmpty();
        }
        assertThat(awaitAlerts(student, 1).get(0).get("teacher_id")).isEqualTo(teacher);
        processedUpToHere();
        assertThat(Db.alertsOf(student)).hasSize(1);
        GatewayUsers.gateway().verify(askedForStudent.withHeader("dapr-caller-app-id",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("notification")));
    }

    @Test
    void signalsAboutUnknownStudentsOrTopicsGoToTheDeadLetterTopic() {
        CloudEvent<StruggleDetected> ghost = Signals.publish(dapr, Signals.repeatedError(UUID.randomUUID(), null));
        UUID teacher = Db.teacher();
        CloudEvent<StruggleDetected> noSuchTopic = Signals.publish(dapr,
                Signals.repeatedError(Db.student(teacher), "no-such-topic"));
        List<String> deadLettered = deadLetterIds(ghost.id(), noSuchTopic.id());
        assertThat(deadLettered).contains(ghost.id(), noSuchTopic.id());
    }

    @Test
    void aBatchGetsAStatusPerSignalInOrderAndOnlyTheFailedOneIsDeliveredAgain() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        UUID withoutTeacher = Db.student(null);
        CloudEvent<StruggleDetected> first = Signals.repeatedError(student, "variables");
        CloudEvent<StruggleDetected> repeat = Signals.repeatedError(student, "variables");
        CloudEvent<StruggleDetected> ghost = Signals.repeatedError(UUID.randomUUID(), "variables");
        CloudEvent<StruggleDetected> unknownTopic = Signals.repeatedError(student, "no-such-topic");
        CloudEvent<StruggleDetected> noClass = Signals.repeatedError(withoutTeacher, null);
        WebsocketReplicas.recorder().failNext(1); // the batch's only push: the first signal's alert

        deliverBatch(List.of(first, repeat, ghost, unknownTopic, noClass))
                .body("statuses.entryId", org.hamcrest.Matchers.equalTo(List.of("0", "1", "2", "3", "4")))
                .body("statuses.status", org.hamcrest.Matchers.equalTo(List.of("RETRY", "SUCCESS", "DROP", "DROP",
                        "SUCCESS")));
        // In order: the first signal's alert was stored before its push failed, so the repeat was absorbed by it.
        List<Map<String, Object>> rows = Db.alertsOf(student);
        assertThat(rows).hasSize(1);
        String alertId = rows.get(0).get("id").toString();
        assertThat(Db.alertsOf(withoutTeacher)).hasSize(1);
        assertThat(WebsocketReplicas.recorder().all(p -> p.id().equals(alertId))).as("the failed push").hasSize(1);

        // The sidecar delivers the failed entry again, alone: now pushed, still one alert.
        deliverBatch(List.of(first)).body("statuses.status", org.hamcrest.Matchers.equalTo(List.of("SUCCESS")));
        assertThat(WebsocketReplicas.recorder().all(p -> p.id().equals(alertId))).as("pushed again").hasSize(2);
        assertThat(Db.alertsOf(student)).hasSize(1);
    }

    private io.restassured.response.ValidatableResponse deliverBatch(List<CloudEvent<StruggleDetected>> signals) {
        List<JsonNode> events = signals.stream().<JsonNode>map(mapper::valueToTree).toList();
        return given().contentType(ContentType.JSON).body(BulkEnvelope.of(EventTopic.STRUGGLE_DETECTED.topic(), events))
                .when().post("/dapr/bulk/" + EventTopic.STRUGGLE_DETECTED.topic()).then().statusCode(200);
    }

    /**
     * Events of one partition are handled in order: once a marker signal published now has its alert, everything
     * published before it has been handled.
     */
    private void processedUpToHere() {
        UUID student = Db.student(Db.teacher());
        Signals.publish(dapr, Signals.repeatedError(student, "variables"));
        awaitAlerts(student, 1);
    }

    /** A repeated-error struggle on "variables" for a student without alerts; the id of the alert it raised. */
    private UUID raiseFirstAlert(UUID student) {
        Signals.publish(dapr, Signals.repeatedError(student, "variables"));
        return (UUID) awaitAlerts(student, 1).get(0).get("id");
    }

    private static List<Map<String, Object>> awaitAlerts(UUID student, int count) {
        return await().alias(count + " alert(s) of " + student).atMost(NotificationFixtures.WAIT)
                .until(() -> Db.alertsOf(student), rows -> rows.size() >= count);
    }

    static io.restassured.response.ValidatableResponse act(UUID teacher, UUID alert, String body) {
        return given().contentType(ContentType.JSON)
                .header("x-learnflow-user", teacher.toString()).header("x-learnflow-roles", "teacher")
                .body(body)
                .when().post("/internal/teachers/" + teacher + "/alerts/" + alert + "/actions").then();
    }

    private static List<String> deadLetterIds(String... ids) {
        return await().alias("dead-lettered events " + List.of(ids)).atMost(NotificationFixtures.WAIT)
                .until(() -> TopicReader.values(EventTopic.STRUGGLE_DETECTED.deadLetterTopic()).stream()
                        .flatMap(value -> Stream.of(ids).filter(value::contains)).distinct().toList(),
                        found -> found.size() == ids.length);
    }
}
