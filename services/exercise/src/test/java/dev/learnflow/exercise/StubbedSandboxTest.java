package dev.learnflow.exercise;

import dev.learnflow.local.testing.OpenAiStub;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Grading when the sandbox cannot grade (down, busy, sandbox_error: 503 and no attempt used) and LLM challenge
 * generation against a WireMock OpenAI endpoint, where a challenge is accepted only if its reference solution
 * passes its own tests in the real sandbox.
 */
@QuarkusTest
@TestProfile(StubbedSandbox.Profile.class)
class StubbedSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;
    @ConfigProperty(name = "learnflow.test.code-execution-url")
    String codeExecutionUrl;

    @BeforeEach
    void reset() {
        StubbedSandbox.server.resetAll();
        StubbedSandbox.proxyTo(codeExecutionUrl);
    }

    /** The sandbox's next answers to grading requests, in place of the real sandbox's. */
    private static void gradingAnswers(ResponseDefinitionBuilder answer) {
        StubbedSandbox.server.stubFor(post(urlEqualTo("/internal/runs/tests")).atPriority(1).willReturn(answer));
    }

    private static ResponseDefinitionBuilder problem(int status, String title) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"title\":\"" + title + "\"}");
    }

    private static JsonPath submit(UUID student, UUID exercise, String code, int status) {
        return ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/internal/exercises/{id}/submissions", exercise)
                .then().statusCode(status).extract().jsonPath();
    }

    /**
     * What the sandbox answers a grading request with, the status the student gets and, for a problem the student
     * reads, its type and a part of its detail (null: not checked).
     */
    static Stream<Arguments> gradingTheSandboxRefuses() throws Exception {
        String sandboxError = JSON.writeValueAsString(Map.of("results", List.of(
                result("small", "shown"), result("zero", "hidden"), result("secret big one", "hidden"),
                result("ten", "hidden_unless_failing"))));
        return Stream.of(
                // down, busy or failing: not the student's fault, and no attempt used
                arguments("sandbox down", problem(503, "Sandbox unavailable"), 503,
                        "https://learnflow.dev/problems/sandbox-unavailable", "did not use up an attempt"),
                arguments("sandbox busy", aResponse().withStatus(429).withHeader("Retry-After", "1"), 503, null, null),
                arguments("sandbox_error results", okJson(sandboxError), 503, null, null),
                // code the sandbox refuses is the student's problem, not a 500
                arguments("code too large", problem(413, "Code too large"), 413,
                        "https://learnflow.dev/problems/code-too-large", "No attempt was used"),
                arguments("code unprocessable", problem(422, "Unprocessable"), 422, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradingTheSandboxRefuses")
    void gradingTheSandboxRefusesDoesNotUseUpAnAttempt(String why, ResponseDefinitionBuilder answer, int status,
                                                       String problemType, String detail) {
        UUID student = ExerciseFixtures.student(pool);
        UUID exercise = ExerciseFixtures.sumExercise(pool, 1);
        String solution = "def total(n):\n    return n * (n + 1) // 2\n";

        gradingAnswers(answer);
        JsonPath refused = submit(student, exercise, solution, status);
        if (problemType != null) {
            assertThat(refused.getString("type")).isEqualTo(problemType);
            assertThat(refused.getString("detail")).contains(detail);
        }

        // Back to the real sandbox: the one allowed attempt is still there.
        reset();
        JsonPath graded = submit(student, exercise, solution, 200);
        assertThat(graded.getInt("attempt")).isEqualTo(1);
        assertThat(graded.getBoolean("passed")).isTrue();
        assertThat(graded.getInt("attemptsLeft")).isZero();
    }

    private static Map<String, Object> result(String name, String visibility) {
        return Map.of("name", name, "visibility", visibility, "passed", false, "status", "sandbox_error",
                "message", "the sandbox failed to run this test (not a problem with the code)", "wallTimeMs", 0);
    }

    private static void llmAnswers(String content) throws Exception {
        String body = OpenAiStub.completion(content);
        StubbedSandbox.server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .willReturn(okJson(body)));
    }

    private static JsonPath generate(UUID student, Map<String, String> request) {
        return ExerciseFixtures.as(student).contentType(ContentType.JSON).body(request)
                .post("/internal/exercises").then().statusCode(201).extract().jsonPath();
    }

    /** The exercise generated for a beginner on strings while the LLM proposes the challenge with this solution. */
    private static JsonPath generatedWhenTheLlmProposes(UUID student, String referenceSolution) throws Exception {
        llmAnswers(challenge(referenceSolution));
        return generate(student, Map.of("topicId", "strings", "difficulty", "beginner"));
    }

    static String challenge(String solution) throws Exception {
        return "```json\n" + JSON.writeValueAsString(Map.of(
                "title", "Count the Vowels",
                "prompt", "Write `count_vowels(text)` returning how many of a, e, i, o, u the text has.",
                "starterCode", "def count_vowels(text):\n    pass\n",
                "referenceSolution", solution,
                "tests", List.of(
                        Map.of("name", "hello", "call", "count_vowels('hello')", "expected", "2", "visibility", "shown"),
                        Map.of("name", "empty", "call", "count_vowels('')", "expected", "0", "visibility", "hidden"),
                        Map.of("name", "upper case", "call", "count_vowels('AEIOU')", "expected", "5",
                                "visibility", "hidden_unless_failing")))) + "\n```";
    }

    @Test
    void llmChallengeIsAcceptedWhenItsReferenceSolutionPassesInTheSandbox() throws Exception {
        UUID student = ExerciseFixtures.student(pool);
        JsonPath exercise = generatedWhenTheLlmProposes(student,
                "def count_vowels(text):\n    return sum(1 for ch in text.lower() if ch in 'aeiou')\n");
        assertThat(exercise.getString("source")).isEqualTo("llm");
        assertThat(exercise.getString("title")).isEqualTo("Count the Vowels");
        assertThat(exercise.getList("visibleTests")).hasSize(1);
        StubbedSandbox.server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        // verified in the sandbox before acceptance
        StubbedSandbox.server.verify(postRequestedFor(urlEqualTo("/internal/runs/tests")));
        // and the student can solve it
        ExerciseFixtures.as(student).contentType(ContentType.JSON)
                .body(Map.of("code", "def count_vowels(text):\n    return len([c for c in text.lower() if c in 'aeiou'])\n"))
                .post("/internal/exercises/{id}/submissions", exercise.getString("id"))
                .then().statusCode(200).body("passed", equalTo(true));
    }

    @Test
    void llmChallengeWhoseSolutionFailsItsTestsIsRejectedForATemplate() throws Exception {
        // Wrong on upper case: fails its own hidden_unless_failing test.
        JsonPath exercise = generatedWhenTheLlmProposes(ExerciseFixtures.student(pool),
                "def count_vowels(text):\n    return sum(1 for ch in text if ch in 'aeiou')\n");
        assertThat(exercise.getString("source")).isEqualTo("template");
        assertThat(exercise.getString("title")).isNotEqualTo("Count the Vowels");
    }

    @Test
    void llmFailureOrGarbageFallsBackToATemplate() throws Exception {
        UUID student = ExerciseFixtures.student(pool);
        StubbedSandbox.server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        assertThat(generate(student, Map.of("topicId", "lists")).getString("source")).isEqualTo("template");
        llmAnswers("Sure! Here is a fun exercise about lists: reverse a list.");
        assertThat(generate(student, Map.of("topicId", "lists")).getString("source")).isEqualTo("template");
    }
}
