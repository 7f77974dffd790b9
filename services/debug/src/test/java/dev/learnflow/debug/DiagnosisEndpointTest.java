package dev.learnflow.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.MeshPeers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /internal/diagnoses} as the exercise service calls it: from exercise's own sidecar to debug's, under
 * dapr/config.yaml's access control, with code-execution's peer running the harness with python3 for real. Hints on
 * the first failing shown test, category-only notes on hidden ones, hidden content never in the answer.
 */
@QuarkusTest
class DiagnosisEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String FIB = WrongResultFlowTest.FIB;

    @BeforeEach
    void mesh() {
        PythonSandbox.peer();
        MeshPeers.peer("exercise");
        MeshPeers.peer("code-review");
    }

    static Map<String, Object> call(String name, String call, String expected, String visibility) {
        return Map.of("name", name, "call", call, "expected", expected, "visibility", visibility);
    }

    private static List<Map<String, Object>> fibonacciTests() {
        return List.of(
                call("first ones", "fibonacci(1)", "1", "hidden_unless_failing"),  // passes despite the bug
                call("five", "fibonacci(5)", "5", "shown"),
                call("start", "fibonacci(0)", "0", "hidden"));
    }

    @Test
    void theFirstFailingShownTestGetsTheLevelOneHintAndHiddenOnesOnlyTheirCategory() throws Exception {
        Reply reply = diagnose("exercise", Map.of("code", FIB, "tests", fibonacciTests(), "hintLevel", 1));

        assertThat(reply.status).as(reply.body).isEqualTo(200);
        JsonNode feedback = JSON.readTree(reply.body);
        assertThat(feedback.path("kind").asText()).isEqualTo("wrong_result");
        assertThat(feedback.path("hintLevel").asInt()).isEqualTo(1);
        assertThat(feedback.path("maxHintLevel").asInt()).isEqualTo(3);
        JsonNode hints = feedback.path("hints");
        assertThat(hints).hasSize(1);
        assertThat(hints.get(0).path("label").asText()).isEqualTo("where to look");
        assertThat(hints.get(0).path("text").asText()).contains("`fibonacci(5)`").contains("`8`").contains("`5`")
                .contains("?");
        assertThat(HintPolicy.violations(hints.get(0).path("text").asText(), FIB)).isEmpty();
        assertThat(feedback.path("hiddenNotes")).hasSize(1);
        assertThat(feedback.path("hiddenNotes").get(0).asText()).isEqualTo("A hidden test with zero fails: your "
                + "result is not the expected one.");

        JsonNode diagnosis = feedback.path("diagnosis");
        assertThat(diagnosis.path("failingCase").path("call").asText()).isEqualTo("fibonacci(5)");
        assertThat(diagnosis.path("failingCase").path("actual").asText()).isEqualTo("8");
        assertThat(diagnosis.path("suspiciousLines").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(diagnosis.path("category").asText()).isEqualTo("off_by_one_range");
        assertThat(diagnosis.path("trace").path("call").asText()).isEqualTo("fibonacci(5)");
        assertThat(diagnosis.path("trace").path("steps").size()).isGreaterThan(3);
        assertThat(diagnosis.path("cases")).hasSize(3);
        // the passing hidden-unless-failing test and the hidden one: outcome only
        for (int i : new int[] {0, 2}) {
            JsonNode hidden = diagnosis.path("cases").get(i);
            assertThat(hidden.path("hidden").asBoolean()).isTrue();
            assertThat(hidden.path("call").isNull()).isTrue();
            assertThat(hidden.path("expected").isNull()).isTrue();
        }
        assertThat(reply.body).doesNotContain("fibonacci(1)").doesNotContain("fibonacci(0)");
    }

    @Test
    void levelsTwoAndThreeNameTheLineThenTheFixInWordsNeverTheFixedLine() throws Exception {
        for (int level = 2; level <= 3; level++) {
            Reply reply = diagnose("exercise", Map.of("code", FIB, "tests", fibonacciTests(), "hintLevel", level));

            assertThat(reply.status).as(reply.body).isEqualTo(200);
            JsonNode hints = JSON.readTree(reply.body).path("hints");
            assertThat(hints).hasSize(level);
            assertThat(hints.get(1).path("text").asText()).contains("line 3");
            for (JsonNode hint : hints) {
                assertThat(HintPolicy.violations(hint.path("text").asText(), FIB)).as(hint.toString()).isEmpty();
                assertThat(hint.path("text").asText()).doesNotContain(WrongResultFlowTest.FIXED_LOOP)
                        .doesNotContain("range(n)");
            }
        }
    }

    @Test
    void whenOnlyAHiddenTestFailsNothingOfItsContentComesBack() throws Exception {
        String largest = "def largest(xs):\n    best = 0\n    for x in xs:\n        if x > best:\n            best = x\n"
                + "    return best\n";
        Reply reply = diagnose("exercise", Map.of("code", largest, "tests", List.of(
                call("mixed", "largest([3, 9, 2])", "9", "shown"),
                call("below zero", "largest([-7919, -4253])", "-4253", "hidden")), "hintLevel", 3));

        assertThat(reply.status).as(reply.body).isEqualTo(200);
        JsonNode feedback = JSON.readTree(reply.body);
        assertThat(feedback.path("hiddenNotes").get(0).asText())
                .isEqualTo("A hidden test with negative numbers in a list fails: your result is not the expected one.");
        assertThat(feedback.path("hints").get(0).path("text").asText()).startsWith("A hidden test fails.");
        assertThat(feedback.path("diagnosis").path("failingCase").path("hidden").asBoolean()).isTrue();
        assertThat(feedback.path("diagnosis").path("trace").isNull()).isTrue();
        assertThat(reply.body).doesNotContain("7919").doesNotContain("4253");
    }

    @Test
    void aCrashOnAHiddenTestNamesOnlyTheExceptionType() throws Exception {
        String lookup = "def age_of(people, name):\n    return people[name]\n";
        Reply reply = diagnose("exercise", Map.of("code", lookup, "tests", List.of(
                call("known", "age_of({'ann': 31}, 'ann')", "31", "shown"),
                call("unknown", "age_of({'ann': 31}, 'zebulon')", "None", "hidden")), "hintLevel", 2));

        assertThat(reply.status).as(reply.body).isEqualTo(200);
        JsonNode feedback = JSON.readTree(reply.body);
        assertThat(feedback.path("kind").asText()).isEqualTo("crash");
        assertThat(feedback.path("hiddenNotes").get(0).asText()).isEqualTo("A hidden test stops with KeyError.");
        assertThat(feedback.path("hints")).hasSize(2);
        assertThat(reply.body).doesNotContain("zebulon");
    }

    @Test
    void aProgramThatDoesNotParseGetsItsSyntaxErrorExplained() throws Exception {
        Reply reply = diagnose("exercise", Map.of("code", "def f(x)\n    return x\n", "tests",
                List.of(call("one", "f(1)", "1", "shown")), "hintLevel", 1));

        assertThat(reply.status).as(reply.body).isEqualTo(200);
        JsonNode feedback = JSON.readTree(reply.body);
        assertThat(feedback.path("kind").asText()).isEqualTo("syntax_error");
        assertThat(feedback.path("hints").get(0).path("text").asText()).contains("line 1");
    }

    @Test
    void badRequestsAreProblemsAndOnlyExerciseMayAsk() throws Exception {
        Reply noTests = diagnose("exercise", Map.of("code", FIB, "tests", List.of()));
        assertThat(noTests.status).isEqualTo(400);
        assertThat(noTests.contentType).startsWith("application/problem+json");

        Reply badLevel = diagnose("exercise", Map.of("code", FIB, "tests", fibonacciTests(), "hintLevel", 4));
        assertThat(badLevel.status).isEqualTo(400);

        Reply notAllowed = diagnose("code-review", Map.of("code", FIB, "tests", fibonacciTests()));
        assertThat(notAllowed.status).isEqualTo(403);
    }

    private record Reply(int status, String contentType, String body) {
    }

    /** The call as {@code caller} makes it: to its own sidecar, naming debug as the target app. */
    private static Reply diagnose(String caller, Map<String, Object> body) throws Exception {
        int sidecarPort = LocalSidecar.sidecarOf(caller).httpPort();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + sidecarPort + "/internal/diagnoses"))
                .header("dapr-app-id", "debug").header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
