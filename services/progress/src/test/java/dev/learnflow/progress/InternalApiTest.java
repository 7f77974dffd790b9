package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.learnflow.local.testing.GatewayUsers;
import dev.learnflow.local.testing.MeshPeers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** The internal routes: answers, who may read them, and RFC 7807 errors. */
@QuarkusTest
class InternalApiTest extends ProgressFixtures {

    private static final String PROBLEM = "application/problem+json";

    private void deliver(CloudEvent<ProgressRecorded> event) {
        Events.deliver(mapper, event).statusCode(200).body("status", equalTo("SUCCESS"));
    }

    /** The body with decimals as doubles (RestAssured reads them as floats by default). */
    private static JsonPath json(ValidatableResponse response) {
        return json(response.extract().asString());
    }

    private static JsonPath json(String body) {
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String path(UUID student, String what) {
        return "/internal/students/" + student + "/" + what;
    }

    @Test
    void progressIsMasteryPerModuleAndTopicInCourseOrder() {
        UUID student = data.student("UTC", null);
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            deliver(Events.attempt(student, "for-loops", "ex-" + i, true, now.minusSeconds(30 - i)));
        }
        JsonPath body = json(Caller.student(student).when().get(path(student, "progress")).then().statusCode(200));
        assertThat(body.getString("userId")).isEqualTo(student.toString());
        assertThat(body.getList("modules.moduleId")).hasSize(8).startsWith("python-basics", "control-flow");
        Map<String, Object> forLoops = body.getMap("modules[1].topics.find { it.topicId == 'for-loops' }");
        assertThat(((Number) forLoops.get("pKnown")).doubleValue()).isCloseTo(0.991964285714, within(1e-11));
        assertThat(forLoops.get("level")).isEqualTo("mastered");
        assertThat(forLoops.get("attempts")).isEqualTo(3);
        assertThat(forLoops.get("correct")).isEqualTo(3);
        // control-flow has four topics; the untouched three count as 0.
        assertThat(body.getDouble("modules[1].pKnown")).isCloseTo(0.991964285714 / 4, within(1e-9));
        assertThat(body.getString("modules[1].level")).isEqualTo("novice");
        assertThat(body.getDouble("pKnown")).isCloseTo(0.991964285714 / 32, within(1e-9));
        assertThat(body.getInt("streak.current")).isEqualTo(1);
        assertThat(body.getBoolean("streak.activeToday")).isTrue();

        // The reporting view agrees (it reads the progress table the service mirrors).
        Row summary = data.rows("select * from user_progress_summary where student_id = $1 and module_id = $2",
                student, "control-flow").get(0);
        assertThat(summary.getLong("topics_total")).isEqualTo(4);
        assertThat(summary.getLong("topics_started")).isEqualTo(1);
        assertThat(summary.getLong("topics_mastered")).isEqualTo(1);
        assertThat(summary.getDouble("avg_p_known")).isCloseTo(0.991964285714, within(1e-11));
    }

    @Test
    void onlyTheStudentTheirTeacherAndAdminsGetIn() {
        UUID teacher = data.teacher();
        UUID student = data.student("UTC", teacher);
        UUID classmate = data.student("UTC", teacher);
        UUID otherTeacher = data.teacher();

        Caller.student(student).when().get(path(student, "streak")).then().statusCode(200);
        Caller.as(teacher, "teacher").when().get(path(student, "streak")).then().statusCode(200);
        Caller.as(data.admin(), "admin").when().get(path(student, "progress")).then().statusCode(200);

        Caller.student(classmate).when().get(path(student, "progress")).then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo("https://learnflow.dev/problems/forbidden"));
        Caller.as(otherTeacher, "teacher").when().get(path(student, "activity")).then().statusCode(403)
                .contentType(PROBLEM);
        // A teacher cannot tell an unknown id from a foreign student.
        Caller.as(teacher, "teacher").when().get(path(UUID.randomUUID(), "activity")).then().statusCode(403);
        Caller.as(data.admin(), "admin").when().get(path(UUID.randomUUID(), "progress")).then().statusCode(404)
                .contentType(PROBLEM).body("type", equalTo("https://learnflow.dev/problems/not-found"));
        given().when().get(path(student, "progress")).then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("https://learnflow.dev/problems/unauthorized"));
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        UUID student = data.student("UTC", null);
        Caller.student(student).when().get("/internal/students/not-a-uuid/progress").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("https://learnflow.dev/problems/validation"))
                .body("errors.field", hasItem("studentId"));
        Caller.student(student).when().get(path(student, "activity") + "?limit=0").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("limit"));
        Caller.student(student).when().get(path(student, "statements") + "?limit=501").then().statusCode(400)
                .contentType(PROBLEM);
        Caller.student(student).when().get(path(student, "statements") + "?since=yesterday").then().statusCode(400)
                .contentType(PROBLEM).body("detail", startsWith("'since'"));
        Caller.student(student).when().get(path(student, "statements") + "?cursor=bm9wZQ").then().statusCode(400)
                .contentType(PROBLEM).body("detail", startsWith("'cursor'"));
    }

    @Test
    void activityIsNewestFirstAndErrorsAreCounted() {
        UUID student = data.student("UTC", null);
        Instant t = Instant.now().minusSeconds(60);
        deliver(Events.run(student, "strings", "TypeError", t));
        deliver(Events.run(student, "strings", "NameError", t.plusSeconds(1)));
        deliver(Events.run(student, null, "TypeError", t.plusSeconds(2)));
        deliver(Events.event(student, Verb.ASKED, ActivityType.QUESTION, UUID.randomUUID().toString(), null, null,
                t.plusSeconds(3)));
        Caller.student(student).when().get(path(student, "activity") + "?limit=3").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.verb", contains("asked", "ran", "ran"))
                .body("items[1].errorType", equalTo("TypeError"))
                .body("items[2].errorType", equalTo("NameError"));
        Caller.student(student).when().get(path(student, "errors")).then().statusCode(200)
                .body("errorTypes.errorType", contains("TypeError", "NameError"))
                .body("errorTypes[0].count", equalTo(2))
                .body("recent.errorType", contains("TypeError", "NameError", "TypeError"));
    }

    @Test
    void triageReadsTheContextThroughItsSidecarAndOtherAppsAreDenied() {
        UUID student = data.student("UTC", null);
        Instant t = Instant.now().minusSeconds(60);
        deliver(Events.attempt(student, "lists", "ex-1", true, t));
        deliver(Events.run(student, "lists", "IndexError", t.plusSeconds(1)));
        deliver(Events.run(student, "tuples", "TypeError", t.plusSeconds(2)));

        HttpResponse<String> fromTriage = MeshPeers.get("triage", "progress", path(student, "context"));
        assertThat(fromTriage.statusCode()).isEqualTo(200);
        JsonPath context = json(fromTriage.body());
        assertThat(context.getString("currentTopicId")).isEqualTo("tuples");
        assertThat(context.getString("currentModuleId")).isEqualTo("collections");
        assertThat(context.getList("recentErrorTypes")).containsExactly("TypeError", "IndexError");
        Map<String, Object> mastery = context.getMap("mastery");
        assertThat(mastery).containsKeys("lists", "tuples", "dictionaries", "sets");
        assertThat(((Number) mastery.get("dictionaries")).doubleValue()).isEqualTo(0.1); // prior of an untouched topic
        assertThat(((Number) mastery.get("lists")).doubleValue()).isLessThan(0.55); // 0.55 after the pass, then a failure

        // concepts may not read student data: Dapr access control (dapr/config.yaml) denies it at our sidecar.
        assertThat(MeshPeers.get("concepts", "progress", path(student, "context")).statusCode()).isEqualTo(403);
        // Without the sidecar's caller header and without a user, the service itself refuses.
        given().when().get(path(student, "context")).then().statusCode(401).contentType(PROBLEM);
        given().header("dapr-caller-app-id", "exercise").when().get(path(student, "errors")).then().statusCode(200)
                .body("errorTypes.errorType", contains("TypeError", "IndexError")); // equal counts: latest first
    }

    @Test
    void statementsAreExportedAsXapiPageByPage() {
        UUID student = data.student("UTC", null);
        Instant t = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CloudEvent<ProgressRecorded> e = Events.event(student, Verb.ANSWERED, ActivityType.QUIZ,
                    "c0000000-0000-4000-8000-00000000030" + i, "lists",
                    new ActivityResult(i % 2 == 0, null, null, null, "1"), t.plusSeconds(i));
            deliver(e);
            ids.add(e.id());
        }
        List<String> seen = new ArrayList<>();
        String query = "?limit=2";
        int pages = 0;
        while (!query.isEmpty()) {
            JsonPath page = Caller.student(student).when().get(path(student, "statements") + query).then()
                    .statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("statements.id"));
            query = page.getString("more");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));

        JsonPath first = Caller.student(student).when().get(path(student, "statements") + "?limit=1").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getString("statements[0].actor.objectType")).isEqualTo("Agent");
        assertThat(first.getString("statements[0].actor.account.name")).isEqualTo(student.toString());
        assertThat(first.getString("statements[0].verb.id")).isEqualTo("http://adlnet.gov/expapi/verbs/answered");
        assertThat(first.getString("statements[0].object.definition.type"))
                .isEqualTo("http://adlnet.gov/expapi/activities/question");
        assertThat(first.getBoolean("statements[0].result.success")).isTrue();
        assertThat(first.getString("statements[0].result.response")).isEqualTo("1");
        assertThat(first.getString("statements[0].timestamp")).isEqualTo(t.plusSeconds(4).toString());
        assertThat(first.getString("statements[0].version")).isEqualTo("1.0.3");

        List<String> window = Caller.student(student).when().get(path(student, "statements") + "?since="
                        + t.plusSeconds(1) + "&until=" + t.plusSeconds(3)).then().statusCode(200).extract()
                .jsonPath().getList("statements.id");
        assertThat(window).containsExactly(ids.get(2), ids.get(1));
    }

    @Test
    void aTeacherSeesTheirClassWithMasteryStreaksAndStruggles() {
        ClassOfTwo group = ClassOfTwo.practised(data, this::deliver);
        UUID teacher = group.teacher();
        UUID ada = group.ada();
        UUID bob = group.bob();

        JsonPath view = json(Caller.as(teacher, "teacher").when().get("/internal/teachers/" + teacher + "/class")
                .then().statusCode(200));
        assertThat(view.getInt("studentCount")).isEqualTo(2);
        assertThat(view.getList("students.studentId")).containsExactly(ada.toString(), bob.toString());
        assertThat(view.getLong("students[0].topicsMastered")).isEqualTo(1);
        assertThat(view.getLong("students[0].topicsStarted")).isEqualTo(1);
        assertThat(view.getLong("students[0].topicsTotal")).isEqualTo(32);
        assertThat(view.getDouble("students[0].pKnown")).isCloseTo(0.991964285714 / 32, within(1e-9));
        assertThat(view.getString("students[0].modules[0].moduleId")).isEqualTo("python-basics");
        assertThat(view.getDouble("students[0].modules[0].pKnown")).isCloseTo(0.991964285714 / 4, within(1e-9));
        assertThat(view.getInt("students[0].streak.current")).isEqualTo(1);
        assertThat(view.getString("students[0].timezone")).isEqualTo("Europe/London");
        assertThat(view.getList("students[0].struggling")).isEmpty();
        assertThat(view.getString("students[1].struggling[0].topicId")).isEqualTo("defining-functions");
        assertThat(view.getLong("students[1].struggling[0].failures7d")).isEqualTo(3);
        assertThat(view.getInt("students[1].streak.current")).isEqualTo(1);

        Caller.as(data.teacher(), "teacher").when().get("/internal/teachers/" + teacher + "/class").then()
                .statusCode(403).contentType(PROBLEM);
        Caller.student(ada).when().get("/internal/teachers/" + teacher + "/class").then().statusCode(403);
        Caller.as(data.admin(), "admin").when().get("/internal/teachers/" + teacher + "/class").then()
                .statusCode(200).body("studentCount", equalTo(2));
        Caller.as(data.admin(), "admin").when().get("/internal/teachers/" + UUID.randomUUID() + "/class").then()
                .statusCode(404).contentType(PROBLEM);

        // The class export holds exactly the statements of the class's students.
        List<String> actors = Caller.as(teacher, "teacher").when().get("/internal/teachers/" + teacher
                + "/statements?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("statements.actor.account.name");
        Set<String> distinct = new HashSet<>(actors);
        assertThat(distinct).containsExactlyInAnyOrder(ada.toString(), bob.toString());
        assertThat(actors).hasSize(6);
    }

    @Test
    void whenTheGatewayCannotSayWhoSomeoneIsReadsAre503Problems() {
        UUID teacher = data.teacher();
        UUID student = data.student("UTC", teacher);
        try (GatewayUsers.Outage down = GatewayUsers.outage()) {
            Caller.as(teacher, "teacher").when().get(path(student, "progress")).then().statusCode(503)
                    .contentType(PROBLEM).body("type", equalTo("https://learnflow.dev/problems/service-unavailable"));
            Caller.as(teacher, "teacher").when().get("/internal/teachers/" + teacher + "/class").then()
                    .statusCode(503).contentType(PROBLEM);
        }
        Caller.as(teacher, "teacher").when().get(path(student, "progress")).then().statusCode(200);
        Caller.as(teacher, "teacher").when().get("/internal/teachers/" + teacher + "/class").then().statusCode(200)
                .body("students.studentId", contains(student.toString()));
        // Asked through the sidecars, as progress: the gateway's sidecar let it through.
        GatewayUsers.gateway().verify(getRequestedFor(urlEqualTo("/internal/users/" + teacher + "/students"))
                .withHeader("dapr-caller-app-id", WireMock.equalTo("progress")));
    }

    @Test
    void aStudentReadsTheirOwnProgressWithoutAskingTheGatewayButNoOneElseGetsInThatWay() {
        UUID teacher = data.teacher();
        UUID student = data.student("UTC", teacher);
        UUID classmate = data.student("UTC", teacher);
        deliver(Events.attempt(student, "strings", "ex-s", true, Instant.now().minusSeconds(60)));
        GatewayUsers.gateway().resetRequests();
        try (GatewayUsers.Outage down = GatewayUsers.outage()) {
            Caller.student(student).when().get(path(student, "progress")).then().statusCode(200)
                    .body("userId", equalTo(student.toString())).body("pKnown", greaterThan(0f));
            Caller.student(student).when().get(path(student, "streak")).then().statusCode(200);
            Caller.student(student).when().get(path(student, "context")).then().statusCode(200);
            // Reading someone else still needs their account, which cannot be looked up now.
            Caller.student(classmate).when().get(path(student, "progress")).then().statusCode(403);
            Caller.as(teacher, "teacher").when().get(path(classmate, "progress")).then().statusCode(503);
            Caller.as(data.admin(), "admin").when().get(path(classmate, "progress")).then().statusCode(503);
        }
        GatewayUsers.gateway().verify(0, getRequestedFor(urlEqualTo("/internal/users/" + student)));
        Caller.student(classmate).when().get(path(student, "streak")).then().statusCode(403);
    }

    @Test
    void mirroredTablesFeedTheStrugglingStudentsView() {
        UUID student = data.student("UTC", data.teacher());
        Instant t = Instant.now().minusSeconds(120);
        for (int i = 0; i < 3; i++) {
            deliver(Events.attempt(student, "while-loops", "ex-w", false, t.plusSeconds(i)));
        }
        List<Row> rows = data.rows("select * from struggling_students where student_id = $1", student);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString("topic_id")).isEqualTo("while-loops");
        assertThat(rows.get(0).getLong("failures_7d")).isEqualTo(3);
        JsonNode state = SidecarProbe.state(student).orElseThrow();
        assertThat(state.path("topics").path("while-loops").path("attempts").asInt()).isEqualTo(3);
    }
}
