package dev.learnflow.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.learnflow.contracts.answers.Diagnosis;
import dev.learnflow.contracts.api.ProgramFeedback;
import dev.learnflow.local.testing.MeshPeers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.learnflow.local.testing.ProblemResponse.problem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A failed grade's hint and the further levels come from the debug agent: here a WireMock app with app id
 * {@code debug} in the mesh, reached through both sidecars under dapr/config.yaml's access control (exercise may
 * POST /internal/diagnoses). What exercise sends (code, every test with its visibility, the level) and what it does
 * when debug is down, failing or slow (the grade still comes, without a hint; nothing is lost).
 */
@QuarkusTest
class SubmissionFeedbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG = "def total(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n";
    private static final String RIGHT = "def total(n):\n    return n * (n + 1) // 2\n";

    @Inject
    Pool pool;

    WireMockServer debug;

    @BeforeEach
    void debugAgent() {
        debug = MeshPeers.peer("debug");
        debug.resetAll();
    }

    private static ProgramFeedback feedback(int level) {
        List<ProgramFeedback.Hint> hints = new java.util.ArrayList<>();
        for (int l = 1; l <= level; l++) {
            hints.add(new ProgramFeedback.Hint(l, "level " + l, "hint number " + l + " from debug"));
        }
        Diagnosis diagnosis = new Diagnosis("wrong_result",
                new Diagnosis.FailingCase("total(3)", null, "6", "3", null, false, "test", null), List.of(),
                List.of(new Diagnosis.SuspiciousLine(3, 1.0, "the range of the loop")), null, List.of(), null, null);
        return new ProgramFeedback("wrong_result", level, 3, hints,
                List.of("A hidden test with zero fails: your result is not the expected one."), diagnosis);
    }

    private void debugAnswers(int level) throws Exception {
        debug.stubFor(post(urlEqualTo("/internal/diagnoses")).willReturn(okJson(JSON.writeValueAsString(
                feedback(level)))));
    }

    private static JsonPath submit(UUID student, UUID exercise, String code) {
        return ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/internal/exercises/{id}/submissions", exercise)
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.Response hints(UUID student, UUID exercise, String code, Object level) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("code", code);
        body.put("hintLevel", level);
        return ExerciseFixtures.as(student).contentType(ContentType.JSON).body(body)
                .post("/internal/exercises/{id}/hints", exercise);
    }

    private JsonNode onlyRequestToDebug() throws Exception {
        List<LoggedRequest> requests = debug.findAll(postRequestedFor(urlEqualTo("/internal/diagnoses")));
        assertThat(requests).hasSize(1);
        return JSON.readTree(requests.get(0).getBodyAsString());
    }

    @Test
    void aFailedGradeCarriesDebugsLevelOneHintAndDebugGetsEveryTestWithItsVisibility() throws Exception {
        debugAnswers(1);
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, null);

        JsonPath grade = submit(student, exercise, WRONG);

        assertThat(grade.getBoolean("passed")).isFalse();
        assertThat(grade.getList("results")).hasSize(4);
        assertThat(grade.getString("feedback.hints[0].text")).isEqualTo("hint number 1 from debug");
        assertThat(grade.getList("feedback.hints")).hasSize(1);
        assertThat(grade.getList("feedback.hiddenNotes", String.class))
                .containsExactly("A hidden test with zero fails: your result is not the expected one.");
        assertThat(grade.getInt("feedback.diagnosis.suspiciousLines[0].line")).isEqualTo(3);

        JsonNode sent = onlyRequestToDebug();
        assertThat(sent.path("code").asText()).isEqualTo(WRONG);
        assertThat(sent.path("hintLevel").asInt()).isEqualTo(1);
        JsonNode tests = sent.path("tests");
        assertThat(tests).hasSize(4);
        assertThat(tests.get(0).path("call").asText()).isEqualTo("total(3)");
        assertThat(tests.get(0).path("visibility").asText()).isEqualTo("shown");
        assertThat(tests.get(2).path("expected").asText()).isEqualTo("500500");
        assertThat(tests.get(2).path("visibility").asText()).isEqualTo("hidden");
        // the setup travels folded into the call, as the sandbox grades it
        assertThat(tests.get(3).path("call").asText()).isEqualTo("(exec('n = 10'), (total(n)))[-1]");
        assertThat(tests.get(3).path("visibility").asText()).isEqualTo("hidden_unless_failing");
    }

    @Test
    void aPassedGradeAsksDebugNothing() throws Exception {
        debugAnswers(1);
        UUID student = ExerciseFixtures.student(pool);
        JsonPath grade = submit(student, ExerciseFixtures.sumExercise(pool, null), RIGHT);

        assertThat(grade.getBoolean("passed")).isTrue();
        assertThat((Object) grade.get("feedback")).isNull();
        assertThat(debug.findAll(postRequestedFor(urlEqualTo("/internal/diagnoses")))).isEmpty();
    }

    @Test
    void debugDownFailingOrSlowStillGivesTheGradeWithoutAHint() {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, null);

        debug.stubFor(post(urlEqualTo("/internal/diagnoses")).willReturn(aResponse().withStatus(500)));
        JsonPath failing = submit(student, exercise, WRONG);
        debug.stubFor(post(urlEqualTo("/internal/diagnoses")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        JsonPath down = submit(student, exercise, WRONG);
        debug.stubFor(post(urlEqualTo("/internal/diagnoses")).willReturn(okJson("{\"kind\":\"wrong_result\"}")
                .withFixedDelay(6_000)));   // the test profile waits 3 s
        long started = System.nanoTime();
        JsonPath slow = submit(student, exercise, WRONG);
        long slowMs = (System.nanoTime() - started) / 1_000_000;

        int attempt = 1;
        for (JsonPath grade : List.of(failing, down, slow)) {
            assertThat(grade.getInt("attempt")).isEqualTo(attempt++);
            assertThat(grade.getBoolean("passed")).isFalse();
            assertThat(grade.getList("results")).hasSize(4);
            assertThat((Object) grade.get("feedback")).isNull();
        }
        assertThat(slowMs).as("the grade does not wait out the slow agent").isLessThan(6_000);
        assertThat(debug.findAll(postRequestedFor(urlEqualTo("/internal/diagnoses")))).hasSize(3);
    }

    @Test
    void moreHintsOnAGradedFailedSubmissionGoThroughTheSameLevels() throws Exception {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, 1);
        debugAnswers(1);
        submit(student, exercise, WRONG);
        debug.resetAll();

        for (int level = 2; level <= 3; level++) {
            debugAnswers(level);
            JsonPath more = hints(student, exercise, WRONG, level).then().statusCode(200).extract().jsonPath();
            assertThat(more.getInt("hintLevel")).isEqualTo(level);
            assertThat(more.getList("hints")).hasSize(level);
            assertThat(more.getString("hints[" + (level - 1) + "].text")).isEqualTo("hint number " + level
                    + " from debug");
            JsonNode sent = onlyRequestToDebug();
            assertThat(sent.path("hintLevel").asInt()).isEqualTo(level);
            assertThat(sent.path("code").asText()).isEqualTo(WRONG);
            assertThat(sent.path("tests")).hasSize(4);
            debug.resetAll();
        }
        // asking for hints uses no attempt: the one allowed attempt is spent, and hints still come
        debugAnswers(2);
        hints(student, exercise, WRONG, 2).then().statusCode(200);
    }

    @Test
    void hintsAreOnlyForCodeThisStudentSubmittedAndFailed() throws Exception {
        debugAnswers(2);
        UUID student = ExerciseFixtures.student(pool);
        UUID other = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, null);

        hints(student, exercise, WRONG, 2).then().spec(problem(409, "not-graded"));
        submit(student, exercise, WRONG);
        hints(student, exercise, WRONG + "# changed\n", 2).then().statusCode(409);
        hints(other, exercise, WRONG, 2).then().statusCode(409);
        submit(student, exercise, RIGHT);
        hints(student, exercise, RIGHT, 2).then().statusCode(409)
                .body("type", equalTo("https://learnflow.dev/problems/already-passed"));
        hints(student, exercise, WRONG, 2).then().statusCode(200);
    }

    @Test
    void debugTroubleOnAHintRequestIsAProblemNot500() {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, null);
        debug.stubFor(post(urlEqualTo("/internal/diagnoses")).willReturn(aResponse().withStatus(500)));
        submit(student, exercise, WRONG);

        hints(student, exercise, WRONG, 2).then().spec(problem(503, "hints-unavailable"));
        debug.stubFor(post(urlEqualTo("/internal/diagnoses")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":422}")));
        hints(student, exercise, WRONG, 2).then().statusCode(422)
                .body("type", equalTo("https://learnflow.dev/problems/no-hints"));
    }

    @Test
    void badHintRequestsAreProblems() {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, null);
        for (Object level : new Object[] {0, 4, null, "two"}) {
            hints(student, exercise, WRONG, level).then().statusCode(400).contentType("application/problem+json");
        }
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("hintLevel", 2))
                .post("/internal/exercises/{id}/hints", exercise).then().statusCode(400);
        hints(student, UUID.randomUUID(), WRONG, 2).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("code", WRONG, "hintLevel", 2))
                .post("/internal/exercises/{id}/hints", exercise).then().statusCode(401);
    }
}
