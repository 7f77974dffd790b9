package dev.learnflow.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.learnflow.local.testing.ProblemResponse.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * Auto-grading against the REAL sandbox (code-execution beside us, reached through both sidecars): correct,
 * partly correct, wrong, crashing, timing-out and malicious submissions; visibility rules; attempts; and the
 * graded attempt arriving on progress.events through the real sidecar and Kafka.
 */
@QuarkusTest
class GradingTest {

    @Inject
    Pool pool;

    private JsonPath submit(UUID student, UUID exercise, String code, int status) {
        return ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/internal/exercises/{id}/submissions", exercise)
                .then().statusCode(status).extract().jsonPath();
    }

    /** Grades {@code code} as a new student's first attempt at a new sum exercise. */
    private JsonPath firstAttempt(String code) {
        return submit(ExerciseFixtures.student(pool), ExerciseFixtures.sumExercise(pool, null), code, 200);
    }

    private static Map<String, Object> result(JsonPath grade, String name) {
        List<Map<String, Object>> results = grade.getList("results");
        return results.stream().filter(r -> name.equals(r.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void correctSubmissionPassesEveryTest() {
        JsonPath grade = firstAttempt("def total(n):\n    return sum(range(n + 1))\n");
        assertThat(grade.getBoolean("passed")).isTrue();
        assertThat(grade.getDouble("score")).isEqualTo(1.0);
        assertThat(grade.getInt("attempt")).isEqualTo(1);
        assertThat(grade.getList("results")).hasSize(4);
        assertThat((Object) grade.get("attemptsLeft")).isNull();
    }

    @Test
    void partlyCorrectSubmissionGetsPartialCreditAndHiddenTestsStayHidden() {
        // Right for small n only: fails the big hidden test and the hidden-unless-failing one.
        JsonPath grade = firstAttempt("def total(n):\n    return {0: 0, 3: 6}.get(n, -1)\n");
        assertThat(grade.getBoolean("passed")).isFalse();
        assertThat(grade.getDouble("score")).isEqualTo(0.5);

        Map<String, Object> shown = result(grade, "small");
        assertThat(shown).containsEntry("passed", true).containsEntry("expected", "6").containsEntry("actual", "6");
        Map<String, Object> hiddenPassed = result(grade, "zero");
        assertThat(hiddenPassed).containsEntry("passed", true).doesNotContainKeys("expected", "actual", "message");
        Map<String, Object> hiddenFailed = result(grade, "secret big one");
        assertThat(hiddenFailed).containsEntry("passed", false).doesNotContainKeys("expected", "actual");
        assertThat((String) hiddenFailed.get("message")).startsWith("hidden test").doesNotContain("500500")
                .doesNotContain("1000");
        // hidden_unless_failing: revealed because it failed
        Map<String, Object> revealed = result(grade, "ten");
        assertThat(revealed).containsEntry("passed", false).containsEntry("expected", "55")
                .containsEntry("actual", "-1").containsEntry("visibility", "hidden_unless_failing");
    }

    @Test
    void hiddenUnlessFailingStaysHiddenWhilePassing() {
        JsonPath grade = firstAttempt("def total(n):\n    return n * (n + 1) // 2\n");
        assertThat(result(grade, "ten")).containsEntry("passed", true).doesNotContainKeys("expected", "actual");
    }

    @Test
    void wrongSubmissionScoresZero() {
        JsonPath grade = firstAttempt("def total(n):\n    return 42\n");
        assertThat(grade.getBoolean("passed")).isFalse();
        assertThat(grade.getDouble("score")).isEqualTo(0.0);
        assertThat(result(grade, "small")).containsEntry("actual", "42").containsEntry("status", "ok");
    }

    @Test
    void crashingSubmissionReportsTheErrorTypeButNotHiddenDetails() {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, null);
        JsonPath grade = submit(student, exercise,
                "def total(n):\n    return int('secret-' + str(n))\n", 200);
        assertThat(grade.getDouble("score")).isEqualTo(0.0);
        assertThat(result(grade, "small")).containsEntry("status", "runtime_error");
        assertThat((String) result(grade, "small").get("message")).startsWith("ValueError");
        Map<String, Object> hidden = result(grade, "secret big one");
        assertThat(hidden).containsEntry("status", "runtime_error");
        assertThat((String) hidden.get("message")).isEqualTo("hidden test: the code raised ValueError");

        JsonNode event = ProgressProbe.await("progress.events", e -> e.path("data").path("userId").asText()
                .equals(student.toString()));
        assertThat(event.path("data").path("verb").asText()).isEqualTo("failed");
        assertThat(event.path("data").path("result").path("errorType").asText()).isEqualTo("ValueError");
    }

    @Test
    void timingOutSubmissionFailsWithinTheExerciseLimitAndUsesAnAttempt() {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, 2);
        JsonPath grade = submit(student, exercise, "def total(n):\n    while True:\n        pass\n", 200);
        assertThat(grade.getBoolean("passed")).isFalse();
        assertThat(grade.getDouble("score")).isEqualTo(0.0);
        assertThat(result(grade, "small")).containsEntry("status", "timeout");
        assertThat((String) result(grade, "small").get("message")).contains("500 ms");
        assertThat(grade.getInt("attemptsLeft")).isEqualTo(1);
    }

    @Test
    void maliciousSubmissionsCannotPassOrLeakOrHarm() {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, null);
        List<String> attacks = List.of(
                // read the host's secrets or our own sources
                "import os\ndef total(n):\n    return open('/etc/shadow').read()\n",
                // exit before the test can call anything
                "import sys\nsys.exit(0)\ndef total(n):\n    return 0\n",
                // fork bomb
                "import os\nwhile True:\n    os.fork()\n",
                // exhaust memory
                "data = []\nwhile True:\n    data.append('x' * 10_000_000)\n",
                // reach the network (the sidecar, the database)
                "import socket\ns = socket.create_connection(('127.0.0.1', 5432), timeout=1)\ndef total(n):\n    return 0\n",
                // flood stdout
                "while True:\n    print('spam' * 1000)\n",
                // kill everything it can see
                "import os, signal\ntry:\n    os.kill(-1, signal.SIGKILL)\nexcept Exception:\n    pass\ndef total(n):\n    return 0\n");
        for (String attack : attacks) {
            JsonPath grade = ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", attack))
                    .post("/internal/exercises/{id}/submissions", exercise)
                    .then().extract().jsonPath();
            Object status = grade.get("status");
            if (Integer.valueOf(503).equals(status)) {
                continue; // the sandbox refused to run it at all: not graded, nothing leaked
            }
            assertThat(grade.getBoolean("passed")).as(attack).isFalse();
            assertThat(grade.getDouble("score")).as(attack).isLessThan(1.0);
            String body = grade.prettify();
            assertThat(body).as(attack).doesNotContain("500500").doesNotContain("root:");
        }
        // The service and its sandbox are still fine afterwards.
        JsonPath after = submit(student, exercise, "def total(n):\n    return n * (n + 1) // 2\n", 200);
        assertThat(after.getBoolean("passed")).isTrue();
    }

    @Test
    void attemptsRunOutAndAreStoredPerStudent() {
        UUID student = ExerciseFixtures.student(pool);
        UUID other = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, 2);
        assertThat(submit(student, exercise, "def total(n):\n    return 0\n", 200).getInt("attempt")).isEqualTo(1);
        JsonPath second = submit(student, exercise, "def total(n):\n    return 0\n", 200);
        assertThat(second.getInt("attempt")).isEqualTo(2);
        assertThat(second.getInt("attemptsLeft")).isZero();
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", "def total(n):\n    return 0\n"))
                .post("/internal/exercises/{id}/submissions", exercise)
                .then().spec(problem(409, "no-attempts-left"));
        // another student's attempts are their own
        assertThat(submit(other, exercise, "def total(n):\n    return 0\n", 200).getInt("attempt")).isEqualTo(1);
    }

    @Test
    void gradedAttemptReachesProgressEventsThroughTheRealSidecarAndKafka() {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, null);
        submit(student, exercise, "def total(n):\n    return 0 if n == 0 else -1\n", 200);
        submit(student, exercise, "def total(n):\n    return n * (n + 1) // 2\n", 200);

        JsonNode failed = ProgressProbe.await("progress.events", e -> e.path("data").path("userId").asText()
                .equals(student.toString()) && e.path("data").path("verb").asText().equals("failed"));
        JsonNode passed = ProgressProbe.await("progress.events", e -> e.path("data").path("userId").asText()
                .equals(student.toString()) && e.path("data").path("verb").asText().equals("passed"));
        assertThat(failed.path("source").asText()).isEqualTo("exercise");
        assertThat(failed.path("type").asText()).isEqualTo("learnflow.progress.recorded");
        JsonNode data = failed.path("data");
        assertThat(data.path("object").path("type").asText()).isEqualTo("exercise");
        assertThat(data.path("object").path("id").asText()).isEqualTo(exercise.toString());
        assertThat(data.path("object").path("topicId").asText()).isEqualTo("for-loops");
        assertThat(data.path("result").path("success").asBoolean()).isFalse();
        assertThat(data.path("result").path("score").asDouble()).isEqualTo(0.25);
        assertThat(data.path("context").path("attempt").asInt()).isEqualTo(1);
        assertThat(passed.path("data").path("result").path("success").asBoolean()).isTrue();
        assertThat(passed.path("data").path("result").path("score").asDouble()).isEqualTo(1.0);
        assertThat(passed.path("data").path("context").path("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIsAProblemNotACrash() {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, null);
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", ""))
                .post("/internal/exercises/{id}/submissions", exercise)
                .then().statusCode(400).contentType("application/problem+json");
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", "x".repeat(20_001)))
                .post("/internal/exercises/{id}/submissions", exercise)
                .then().statusCode(400).contentType("application/problem+json");
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", "print(1)"))
                .post("/internal/exercises/{id}/submissions", UUID.randomUUID())
                .then().statusCode(404).body("type", startsWith("https://learnflow.dev/problems/"));
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", "print(1)"))
                .post("/internal/exercises/not-a-uuid/submissions")
                .then().statusCode(404).contentType("application/problem+json");
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(Map.of("code", "print(1)"))
                .post("/internal/exercises/{id}/submissions", exercise)
                .then().statusCode(401).contentType("application/problem+json");
    }
}
