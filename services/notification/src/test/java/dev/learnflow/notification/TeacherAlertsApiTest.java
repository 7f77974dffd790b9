package dev.learnflow.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.learnflow.local.testing.ProblemResponse.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** The internal alert API behind the gateway's /api/v1/teacher/alerts, called as the gateway's sidecar does. */
@QuarkusTest
class TeacherAlertsApiTest {

    @BeforeAll
    static void replicas() {
        WebsocketReplicas.start();
    }

    private static RequestSpecification as(UUID user, String role) {
        return given().header("x-learnflow-user", user.toString()).header("x-learnflow-roles", role);
    }

    private static String alerts(UUID teacher) {
        return "/internal/teachers/" + teacher + "/alerts";
    }

    private static String actions(UUID teacher, UUID alert) {
        return alerts(teacher) + "/" + alert + "/actions";
    }

    @Test
    void aTeacherListsTheirAlertsNewestFirstAndByStatus() {
        UUID teacher = Db.teacher();
        UUID ada = Db.student(teacher);
        UUID bob = Db.student(teacher);
        UUID older = Db.insertAlert(ada, teacher, "variables", "repeated_error", "open");
        UUID resolved = Db.insertAlert(bob, teacher, null, "stuck", "resolved");
        UUID newer = Db.insertAlert(bob, teacher, "for-loops", "repeated_failure", "acknowledged");
        Db.insertAlert(Db.student(Db.teacher()), null, null, "stuck", "open"); // someone else's class

        as(teacher, "teacher").when().get(alerts(teacher)).then().statusCode(200)
                .body("id", contains(newer.toString(), resolved.toString(), older.toString()))
                .body("[2].studentId", equalTo(ada.toString()))
                .body("[2].topicId", equalTo("variables"))
                .body("[2].reason", equalTo("repeated_error"))
                .body("[2].severity", equalTo("medium"))
                .body("[2].evidence.count", equalTo(3));
        as(teacher, "teacher").queryParam("status", "open").when().get(alerts(teacher)).then().statusCode(200)
                .body("id", contains(older.toString()));
        as(teacher, "teacher").queryParam("limit", 1).when().get(alerts(teacher)).then().statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void badQueryParametersAreProblems() {
        UUID teacher = Db.teacher();
        as(teacher, "teacher").queryParam("status", "closed").when().get(alerts(teacher)).then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("open"));
        as(teacher, "teacher").queryParam("limit", 0).when().get(alerts(teacher)).then().statusCode(400)
                .contentType("application/problem+json");
        as(teacher, "teacher").queryParam("limit", 501).when().get(alerts(teacher)).then().statusCode(400);
        as(teacher, "teacher").when().get("/internal/teachers/not-a-uuid/alerts").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheTeacherThemselvesOrAnAdminGetThrough() {
        UUID teacher = Db.teacher();
        UUID alert = Db.insertAlert(Db.student(teacher), teacher, null, "stuck", "open");
        as(Db.teacher(), "teacher").when().get(alerts(teacher)).then().spec(problem(403, "forbidden"));
        as(Db.student(teacher), "student").when().get(alerts(teacher)).then().statusCode(403);
        given().when().get(alerts(teacher)).then().statusCode(401).contentType("application/problem+json");
        as(Db.admin(), "admin").when().get(alerts(teacher)).then().statusCode(200)
                .body("id", contains(alert.toString()));
        as(Db.teacher(), "teacher").contentType(ContentType.JSON).body("{\"action\":\"acknowledge\"}")
                .when().post(actions(teacher, alert)).then().statusCode(403);
    }

    @Test
    void theLifecycleFollowsItsTransitions() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        UUID alert = Db.insertAlert(student, teacher, "variables", "repeated_error", "open");

        act(teacher, alert, "acknowledge").statusCode(200).body("status", equalTo("acknowledged"))
                .body("id", equalTo(alert.toString()));
        assertThat(Db.alertsOf(student).get(0).get("acknowledged_at")).isNotNull();
        act(teacher, alert, "acknowledge").statusCode(200).body("status", equalTo("acknowledged"));
        act(teacher, alert, "resolve").statusCode(200).body("status", equalTo("resolved"));
        assertThat(Db.alertsOf(student).get(0).get("resolved_at")).isNotNull();
        act(teacher, alert, "acknowledge").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://learnflow.dev/problems/illegal-alert-transition"))
                .body("detail", equalTo("An alert that is resolved cannot be acknowledged"));
        act(teacher, alert, "mute").statusCode(409);
        act(teacher, alert, "reopen").statusCode(200).body("status", equalTo("open"));
        Map<String, Object> reopened = Db.alertsOf(student).get(0);
        assertThat(reopened.get("acknowledged_at")).isNull();
        assertThat(reopened.get("resolved_at")).isNull();
        act(teacher, alert, "mute").statusCode(200).body("status", equalTo("muted"));
        act(teacher, alert, "reopen").statusCode(200).body("status", equalTo("open"));
        act(teacher, alert, "acknowledge").statusCode(200);
        act(teacher, alert, "reopen").statusCode(409);
    }

    @Test
    void aStatusChangeIsPushedToTheTeachersSockets() {
        UUID teacher = Db.teacher();
        UUID alert = Db.insertAlert(Db.student(teacher), teacher, null, "stuck", "open");
        act(teacher, alert, "acknowledge").statusCode(200);
        PushRecorder.Push push = WebsocketReplicas.recorder().await(p -> p.type().equals("alert.updated")
                && p.body().path("payload").path("id").asText().equals(alert.toString()));
        assertThat(push.body().path("payload").path("status").asText()).isEqualTo("acknowledged");
        assertThat(push.body().path("recipients").get(0).asText()).isEqualTo(teacher.toString());
        assertThat(push.body().path("correlationId").asText()).isEqualTo(alert.toString());
    }

    @Test
    void reopeningNextToALiveDuplicateIsAConflict() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        UUID old = Db.insertAlert(student, teacher, "variables", "repeated_error", "resolved");
        Db.insertAlert(student, teacher, "variables", "repeated_error", "open");
        act(teacher, old, "reopen").statusCode(409)
                .body("type", equalTo("https://learnflow.dev/problems/duplicate-live-alert"));
    }

    @Test
    void unknownAndForeignAlertsAreNotFound() {
        UUID teacher = Db.teacher();
        UUID otherTeacher = Db.teacher();
        UUID foreign = Db.insertAlert(Db.student(otherTeacher), otherTeacher, null, "stuck", "open");
        act(teacher, UUID.randomUUID(), "acknowledge").statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://learnflow.dev/problems/not-found"));
        act(teacher, foreign, "acknowledge").statusCode(404);
        as(teacher, "teacher").contentType(ContentType.JSON).body("{\"action\":\"acknowledge\"}")
                .when().post(alerts(teacher) + "/nope/actions").then().statusCode(400);
    }

    @Test
    void badActionRequestsAreValidationProblems() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        UUID alert = Db.insertAlert(student, teacher, null, "stuck", "open");
        post(teacher, alert, "{}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("action"));
        post(teacher, alert, "{\"action\":\"delete\"}").statusCode(400).contentType("application/problem+json");
        post(teacher, alert, "{\"action\":\"mute\",\"muteHours\":0}").statusCode(400)
                .body("errors.field", hasItem("muteHours"));
        post(teacher, alert, "{\"action\":\"mute\",\"muteHours\":721}").statusCode(400);
        post(teacher, alert, "{\"action\":\"resolve\",\"muteHours\":5}").statusCode(400)
                .body("detail", equalTo("muteHours applies to the mute action only"));
        post(teacher, alert, "{\"action\":\"resolve\",\"note\":\"" + "n".repeat(5_000) + "\"}").statusCode(400)
                .body("errors.field", hasItem("note"));
        post(teacher, alert, "not json").statusCode(400);
        assertThat(Db.alertsOf(student).get(0).get("status")).as("nothing was applied").isEqualTo("open");
    }

    private static io.restassured.response.ValidatableResponse act(UUID teacher, UUID alert, String action) {
        return post(teacher, alert, "{\"action\":\"" + action + "\"}");
    }

    private static io.restassured.response.ValidatableResponse post(UUID teacher, UUID alert, String body) {
        return as(teacher, "teacher").contentType(ContentType.JSON).body(body)
                .when().post(actions(teacher, alert)).then();
    }
}
