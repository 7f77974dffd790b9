package dev.learnflow.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.local.testing.OpenAiStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The red-team harness for exercise (issue 22). Exercise's only model-written text is a generated challenge (there
 * is no LLM feedback on attempts); the student reads its title and task statement. Every corpus output that is a
 * leak for such a text is put in the statement of an otherwise valid draft (its reference solution passes its own
 * tests, so only the guard can refuse it) and generated through the real service with the WireMock OpenAI stub
 * and the real sandbox: the exercise must come from a template, never carrying the output. Fixes to a student's
 * line do not apply here (generation sees no student program). Acceptable texts are published unchanged.
 */
@QuarkusTest
@WithTestResource(OpenAiStub.class)
class RedTeamExerciseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CORPUS = corpus();
    /** Leaks in any kind of text: copy instructions, markup, floods, nothing. */
    private static final Set<String> ANY_TEXT_KINDS = Set.of("copy_instruction", "markup", "too_long", "empty");
    private static final String TITLE = "Remove the Duplicates";

    @OpenAiStub.Server
    WireMockServer openai;
    @Inject
    Pool pool;

    private static JsonNode corpus() {
        try (InputStream in = RedTeamExerciseTest.class.getResourceAsStream("/redteam/model-outputs.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaks in an exercise's own text: those, the exercise's solution (whole function), explanation leaks. */
    static boolean leakForExerciseText(JsonNode item) {
        boolean solution = false;
        for (JsonNode reason : item.get("expect")) {
            solution |= reason.asText().equalsIgnoreCase("exercise_solution");
        }
        boolean exercisesOwnFunction = CORPUS.get("references").has(item.get("program").asText())
                && Set.of("full_function", "injection").contains(item.get("kind").asText());
        return solution || exercisesOwnFunction || item.get("policy").asText().equals("EXPLANATION")
                || ANY_TEXT_KINDS.contains(item.get("kind").asText());
    }

    @TestFactory
    Stream<DynamicTest> noLeakReachesAGeneratedExercise() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode item : CORPUS.get("bad")) {
            if (!leakForExerciseText(item)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(item.get("id").asText(), () -> {
                String output = item.get("output").asText();
                JsonPath exercise = generate(output);
                assertThat(exercise.getString("source")).isEqualTo("template");
                assertThat(exercise.getString("title")).isNotEqualTo(TITLE);
                if (output.strip().length() > 3) {
                    assertThat(exercise.getString("prompt")).doesNotContain(output.strip());
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> acceptableTextsArePublishedUnchanged() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode item : CORPUS.get("good")) {
            if (item.get("policy").asText().equals("HINT")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(item.get("id").asText(), () -> {
                JsonPath exercise = generate(item.get("output").asText());
                assertThat(exercise.getString("source")).isEqualTo("llm");
                assertThat(exercise.getString("title")).isEqualTo(TITLE);
                assertThat(exercise.getString("prompt")).isEqualTo(item.get("output").asText().strip());
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(9);
        return tests.stream();
    }

    /** A valid dedupe challenge whose statement is {@code statement}, generated for a new student. */
    private JsonPath generate(String statement) throws IOException {
        String draft = JSON.writeValueAsString(Map.of(
                "title", TITLE,
                "prompt", statement,
                "starterCode", "def dedupe(xs):\n    pass\n",
                "referenceSolution", CORPUS.get("references").get("dedupe").asText(),
                "tests", List.of(
                        Map.of("name", "pairs", "call", "dedupe([1, 1, 2])", "expected", "[1, 2]",
                                "visibility", "shown"),
                        Map.of("name", "empty", "call", "dedupe([])", "expected", "[]", "visibility", "hidden"),
                        Map.of("name", "order", "call", "dedupe([3, 1, 3, 2, 1])", "expected", "[3, 1, 2]",
                                "visibility", "hidden_unless_failing"))));
        openai.resetAll();
        OpenAiStub.replyToAll(openai, draft);
        UUID student = ExerciseFixtures.student(pool);
        return ExerciseFixtures.as(student).contentType(ContentType.JSON)
                .body(Map.of("topicId", "lists", "difficulty", "beginner"))
                .post("/internal/exercises").then().statusCode(201).extract().jsonPath();
    }
}
