package dev.learnflow.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.local.testing.MeshPeers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * concepts.requests in, learning.responses and progress.events out through concepts' local sidecar; the sandbox is
 * a code-execution peer that answers with what python3 really prints for our tracer program; curriculum routes
 * against the seeded database.
 */
@QuarkusTest
class ConceptFlowTest extends ConceptsMeshTest {

    @BeforeEach
    void lessonExamplesTraceWithPython() {
        for (String topic : List.of("lists", "for-loops")) {
            ConceptsFixtures.tracesWithPython(sandbox, mapper,
                    agent.knowledgeBase().byTopic(topic).orElseThrow().example());
        }
    }

    @Test
    void aBeginnerGetsTheLessonWithTraceAndAliasingDiagram() {
        // (a question about the surprise itself — "why did my second list change too?" — now gets the dedicated
        // mutability lesson, counted for the lists topic)
        ConceptRequested request = request("How do I add items to a list and take them out again?", null,
                Map.of("lists", 0.2));

        JsonNode answer = answerTo(request);

        assertThat(answer.path("kind").asText()).isEqualTo("concept");
        assertThat(answer.path("responder").asText()).isEqualTo("concepts");
        JsonNode data = answer.path("data");
        assertThat(data.path("topicId").asText()).isEqualTo("lists");
        assertThat(data.path("level").asText()).isEqualTo("beginner");
        assertThat(answer.path("text").asText()).contains("A list keeps several values in order")
                .contains("```python\na = [3, 1, 2]").contains("> [1, 2, 3, 4] [1, 2, 3, 4] [3, 1, 2, 4, 5]");
        JsonNode steps = data.path("trace").path("steps");
        assertThat(steps.size()).isGreaterThan(5);
        assertThat(steps.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(data.path("diagram").asText()).isEqualTo("references");
        assertThat(data.path("mermaid").asText()).startsWith("flowchart LR").contains("n_a --> o1")
                .contains("n_b --> o1");
        sandbox.verify(postRequestedFor(urlPathEqualTo("/internal/runs"))
                .withRequestBody(matchingJsonPath("$.code", containing("sys.settrace"))));
        JsonNode viewed = ConceptsFixtures.published(sink, ConceptsFixtures.PROGRESS, request, Duration.ofSeconds(30));
        assertThat(viewed.path("verb").asText()).isEqualTo("viewed");
        assertThat(viewed.path("object").path("topicId").asText()).isEqualTo("lists");
    }

    @Test
    void aStudentWhoMasteredTheTopicGetsTheAdvancedWordingAndAFlowDiagram() {
        ConceptRequested request = request("how does range work in a for loop?", "for-loops",
                Map.of("for-loops", 0.96));

        JsonNode answer = answerTo(request);

        assertThat(answer.path("data").path("level").asText()).isEqualTo("advanced");
        assertThat(answer.path("text").asText()).contains("`for` works on any iterable");
        assertThat(answer.path("data").path("mermaid").asText()).startsWith("flowchart TD").contains("-->|4x|");
    }

    @Test
    void withoutTheSandboxTheLessonStillArrivesWithoutATrace() {
        ConceptRequested request = request("what is a custom exception class?", null, Map.of());

        JsonNode data = answerTo(request).path("data");

        assertThat(data.path("topicId").asText()).isEqualTo("custom-exceptions");
        assertThat(data.path("trace").isNull()).isTrue();
        assertThat(data.path("traceUnavailable").asText()).contains("404");
        assertThat(data.path("example").asText()).contains("class OutOfStockError(ShopError)");
    }

    @Test
    void codeInTheQuestionIsRunStepByStepBesideTheExplanation() {
        String code = "word = 'abc'\nprint(word[::-1])";
        ConceptsFixtures.tracesWithPython(sandbox, mapper, code);
        ConceptRequested request = ConceptsFixtures.request("what does this slicing print?", code, null, Map.of());

        JsonNode answer = answerTo(request);

        JsonNode yourCode = answer.path("data").path("yourCode");
        assertThat(yourCode.path("code").asText()).isEqualTo(code);
        assertThat(yourCode.path("trace").path("stdout").asText()).isEqualTo("cba\n");
        assertThat(yourCode.path("trace").path("steps").size()).isGreaterThanOrEqualTo(2);
        assertThat(answer.path("text").asText()).contains("**Your code**, run step by step").contains("> cba");
        // the lesson's own example is still there, traced apart from the student's code
        assertThat(answer.path("data").path("example").asText()).isNotEqualTo(code);

        // a fragment that needs the rest of the program: what Python did, and why, not a bug of theirs
        String fragment = "print(nums * 2)";
        ConceptsFixtures.tracesWithPython(sandbox, mapper, fragment);
        JsonNode partial = answerTo(ConceptsFixtures.request("why does multiplying a list repeat it?", fragment,
                null, Map.of()));
        assertThat(partial.path("data").path("yourCode").path("trace").path("error").path("type").asText())
                .isEqualTo("NameError");
        assertThat(partial.path("text").asText()).contains("stops with `NameError")
                .contains("lacks names the rest of your program may define");

        // code Python cannot read is said to be so
        String broken = "for i in range(3)\n    print(i)";
        ConceptsFixtures.tracesWithPython(sandbox, mapper, broken);
        JsonNode unreadable = answerTo(ConceptsFixtures.request("how does a for loop with range work?", broken,
                null, Map.of()));
        assertThat(unreadable.path("text").asText()).contains("stops with `SyntaxError")
                .contains("Python could not read it");

        // without code there is no run of it
        JsonNode plain = answerTo(request("what are tuples for?", null, Map.of()));
        assertThat(plain.path("data").has("yourCode")).isFalse();
    }

    @Test
    void aVagueQuestionWithCodeIsAboutTheCodeNotTheTopicTheStudentIsOn() {
        String code = "total = 0\nfor n in [1, 2, 3]:\n    total += n\nprint(total)";
        ConceptsFixtures.tracesWithPython(sandbox, mapper, code);
        // the student is on dictionaries, but the code is a loop
        ConceptRequested request = ConceptsFixtures.request("what does this do?", code, "dictionaries",
                Map.of("dictionaries", 0.3));

        JsonNode answer = answerTo(request);

        assertThat(answer.path("data").path("abstained").asBoolean()).isFalse();
        assertThat(answer.path("data").path("topicId").asText()).isNotEqualTo("dictionaries")
                .isIn("for-loops", "arithmetic-operators", "variables");
        assertThat(answer.path("data").path("yourCode").path("trace").path("stdout").asText()).isEqualTo("6\n");
        assertThat(answer.path("text").asText()).contains("> 6");

        // without code the same words are only the topic the student is on
        JsonNode plain = answerTo(request("what does this do?", "dictionaries", Map.of("dictionaries", 0.3)));
        assertThat(plain.path("data").path("topicId").asText()).isEqualTo("dictionaries");
    }

    @Test
    void anExamQuestionAboutCodeGetsWhatTheCodePrintsFirstAndTheLessonOnItsConstruct() {
        // what triage sends for "whats the output of [x*2 for x in range(4) if x % 2]": the expression, printed
        String code = "print([x*2 for x in range(4) if x % 2])\n";
        ConceptsFixtures.tracesWithPython(sandbox, mapper, code);
        ConceptRequested request = ConceptsFixtures.request("whats the output of [x*2 for x in range(4) if x % 2]",
                code, "lists", Map.of("lists", 0.4));

        JsonNode answer = answerTo(request);

        assertThat(answer.path("data").path("topicId").asText()).isEqualTo("comprehensions");
        String text = answer.path("text").asText();
        assertThat(text).startsWith("**Your code**, run step by step").contains("> [2, 6]");
        // the explanation follows the run
        assertThat(text.toLowerCase(java.util.Locale.ROOT).indexOf("comprehension")).isGreaterThan(text.indexOf("> [2, 6]"));

        // a recursive function asked about: the recursion lesson, not the one on defining functions
        String recursive = "def f(n):\n    if n == 0:\n        return 0\n    return n + f(n - 1)\nprint(f(3))\n";
        ConceptsFixtures.tracesWithPython(sandbox, mapper, recursive);
        JsonNode recursion = answerTo(ConceptsFixtures.request("what will be the output of this code?", recursive,
                null, Map.of()));
        assertThat(recursion.path("data").path("topicId").asText()).isEqualTo("recursion");
        assertThat(recursion.path("text").asText()).startsWith("**Your code**").contains("> 6");
    }

    @Test
    void whenTheSandboxIsDownTheStudentsCodeIsSaidNotToHaveRun() {
        ConceptRequested request = ConceptsFixtures.request("what is a custom exception class?",
                "class Oops(Exception):\n    pass", null, Map.of());

        JsonNode answer = answerTo(request);

        assertThat(answer.path("data").path("topicId").asText()).isEqualTo("custom-exceptions");
        assertThat(answer.path("data").path("yourCode").path("trace").isNull()).isTrue();
        assertThat(answer.path("data").path("yourCode").path("traceUnavailable").asText()).contains("404");
        assertThat(answer.path("text").asText()).contains("could not be run step by step just now");
    }

    @Test
    void aRedeliveredRequestIsAnsweredOnce() {
        ConceptRequested request = request("what are sets used for?", null, Map.of());
        events.publish(EventTopic.CONCEPTS_REQUESTS, request);
        events.publish(EventTopic.CONCEPTS_REQUESTS, request);
        ConceptRequested later = request("what is a tuple?", null, Map.of());

        answerTo(later);   // one topic, delivered in order: both copies were handled before this one

        assertThat(MeshPeers.received(sink, ConceptsFixtures.RESPONSES,
                d -> d.path("requestId").asText().equals(request.requestId().toString()))).hasSize(1);
    }

    @Test
    void curriculumRoutesServeTheSeededCourse() {
        given().when().get("/internal/curriculum/modules")
                .then().statusCode(200).body("$", hasSize(8))
                .body("[0].id", equalTo("python-basics")).body("[1].id", equalTo("control-flow"));
        given().when().get("/internal/curriculum/modules/control-flow")
                .then().statusCode(200).body("title", equalTo("Control Flow"))
                .body("topics.id", contains("conditionals", "while-loops", "for-loops", "break-and-continue"))
                .body("topics[2].difficulty", equalTo("beginner"));
        given().when().get("/internal/curriculum/modules/no-such-module")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/internal/curriculum/modules/Not_A_Slug")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private JsonNode answerTo(ConceptRequested request) {
        return ConceptsFixtures.answerTo(events, sink, request, Duration.ofSeconds(60));
    }

    private static ConceptRequested request(String question, String topicId, Map<String, Double> mastery) {
        return ConceptsFixtures.request(question, topicId, mastery);
    }
}
