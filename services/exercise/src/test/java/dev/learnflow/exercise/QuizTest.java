package dev.learnflow.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Quizzes from the seeded table: listed without answers, graded, and recorded on progress.events. */
@QuarkusTest
class QuizTest {

    /** Seeded: "What does `7 // 2` evaluate to in Python 3?", correct option 1 ("3"). */
    static final String FLOOR_DIVISION = "c0000000-0000-4000-8000-000000000101";

    @Inject
    Pool pool;

    @Test
    void quizzesAreListedWithoutTheirAnswers() {
        UUID student = ExerciseFixtures.student(pool);
        String body = ExerciseFixtures.as(student).get("/internal/quizzes?topicId=numbers-and-types")
                .then().statusCode(200).extract().asString();
        List<Map<String, Object>> quizzes = io.restassured.path.json.JsonPath.from(body).getList("$");
        assertThat(quizzes).isNotEmpty();
        assertThat(quizzes).anySatisfy(q -> assertThat(q.get("id")).isEqualTo(FLOOR_DIVISION));
        assertThat(quizzes).allSatisfy(q -> assertThat(q).containsOnlyKeys("id", "topicId", "question", "options",
                "difficulty"));
        assertThat(body).doesNotContain("correct").doesNotContain("explanation").doesNotContain("floor division");
    }

    @Test
    void rightAndWrongAnswersAreGradedAndRecorded() {
        UUID student = ExerciseFixtures.student(pool);
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("selectedOption", 0))
                .post("/internal/quizzes/{id}/answers", FLOOR_DIVISION)
                .then().statusCode(200).body("correct", equalTo(false)).body("correctOption", equalTo(1))
                .body("selectedOption", equalTo(0)).body("explanation", org.hamcrest.Matchers.containsString("//"));
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("selectedOption", 1))
                .post("/internal/quizzes/{id}/answers", FLOOR_DIVISION)
                .then().statusCode(200).body("correct", equalTo(true));

        JsonNode wrong = ProgressProbe.await("progress.events", e -> e.path("data").path("userId").asText()
                .equals(student.toString()) && e.path("data").path("result").path("success").isBoolean()
                && !e.path("data").path("result").path("success").asBoolean());
        JsonNode right = ProgressProbe.await("progress.events", e -> e.path("data").path("userId").asText()
                .equals(student.toString()) && e.path("data").path("result").path("success").asBoolean());
        assertThat(wrong.path("data").path("verb").asText()).isEqualTo("answered");
        assertThat(wrong.path("data").path("object").path("type").asText()).isEqualTo("quiz");
        assertThat(wrong.path("data").path("object").path("topicId").asText()).isEqualTo("numbers-and-types");
        assertThat(wrong.path("data").path("result").path("response").asText()).isEqualTo("0");
        assertThat(right.path("data").path("result").path("score").asDouble()).isEqualTo(1.0);
    }

    @Test
    void invalidAnswersAreProblems() {
        UUID student = ExerciseFixtures.student(pool);
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("selectedOption", 7))
                .post("/internal/quizzes/{id}/answers", FLOOR_DIVISION)
                .then().statusCode(400).contentType("application/problem+json");
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("selectedOption", -1))
                .post("/internal/quizzes/{id}/answers", FLOOR_DIVISION)
                .then().statusCode(400).contentType("application/problem+json");
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of())
                .post("/internal/quizzes/{id}/answers", FLOOR_DIVISION)
                .then().statusCode(400).contentType("application/problem+json");
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("selectedOption", 0))
                .post("/internal/quizzes/{id}/answers", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        ExerciseFixtures.as(student).get("/internal/quizzes").then().statusCode(400).contentType("application/problem+json");
        ExerciseFixtures.as(student).get("/internal/quizzes?topicId=nope").then().statusCode(404);
        io.restassured.RestAssured.given().get("/internal/quizzes?topicId=strings").then().statusCode(401);
    }
}
