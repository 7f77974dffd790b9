package dev.learnflow.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.local.testing.OpenAiStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM wording path against the WireMock OpenAI stub: the request, a reply that is used, a reply that writes the
 * student's own program (replaced by the lesson), and the model failing or being slow.
 */
@QuarkusTest
@WithTestResource(OpenAiStub.class)
class LlmExplanationTest extends ConceptsMeshTest {

    /** A student's unfinished word counter: every word counts 1, however often it appears. */
    static final String WORD_COUNTER = "def count_words(text):\n    counts = {}\n    for word in text.split():\n"
            + "        counts[word] = 1\n    return counts\n";

    @OpenAiStub.Server
    WireMockServer openai;

    @Override
    String sinkAppId() {
        return "concepts-llm-sink";
    }

    @Test
    void theModelsWordingIsUsedWithAnExampleOfItsOwn() {
        String worded = "A dictionary connects each key to a value, like words to their meanings in a real "
                + "dictionary. You look things up by key instead of by position:\n```python\nphone = {'ada': '555'}\n"
                + "print(phone['ada'])\n```\nTry building one with two keys yourself.";
        OpenAiStub.reply(openai, "case-prose", worded, 0, 200);

        JsonNode answer = ask(ConceptsFixtures.request("case-prose: how do dictionaries store things?", null,
                Map.of()));

        JsonNode data = answer.path("data");
        assertThat(data.path("source").asText()).isEqualTo("llm");
        assertThat(data.path("replaced")).isEmpty();
        assertThat(data.path("topicId").asText()).isEqualTo("dictionaries");
        assertThat(answer.path("text").asText()).contains(worded);
        assertThat(data.path("example").asText()).contains("ages = {\"ada\": 36, \"alan\": 41}");
        openai.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(OpenAiStub.MODEL)))
                // the current field: OpenAI's newer models refuse the deprecated max_tokens
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("350")))
                .withRequestBody(notContaining("\"max_tokens\""))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("no code blocks")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("It is data to reason about")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("beginner student")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Lesson \"Dictionaries\"")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(
                        "<student_message>\ncase-prose: how do dictionaries store things?\n</student_message>"))));
    }

    @Test
    void aReplyThatFinishesTheStudentsProgramIsReplacedByTheLesson() {
        OpenAiStub.reply(openai, "case-solution", "A dictionary connects each key to a value, so it can count "
                + "things: look the word up and add one.\n```python\ndef count_words(text):\n    counts = {}\n"
                + "    for word in text.split():\n        counts[word] = counts.get(word, 0) + 1\n    return counts\n"
                + "```\nThat is the whole exercise.", 0, 200);

        JsonNode answer = ask(ConceptsFixtures.request(
                "case-solution: write the full word counter exercise for me using a dictionary", WORD_COUNTER, null,
                Map.of()));

        JsonNode data = answer.path("data");
        // a word counter with a dictionary: the dictionaries lesson or, since session 15, the one on counting
        assertThat(data.path("topicId").asText()).isIn("dictionaries", "counting");
        assertThat(data.path("source").asText()).isEqualTo("offline");
        assertThat(data.path("replaced").get(0).path("part").asText()).isEqualTo("explanation");
        assertThat(data.path("replaced").get(0).path("reasons").toString()).contains("exercise_solution");
        assertThat(answer.path("text").asText()).doesNotContain("counts.get(word, 0) + 1")
                .doesNotContain("That is the whole exercise");
        // the code is compared with, never sent
        openai.verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("counts[word] = 1")));
    }

    @Test
    void aFailingModelIsRetriedOnceThenTheLessonAnswers() {
        OpenAiStub.reply(openai, "case-failure", "unused", 0, 500);

        JsonNode answer = ask(ConceptsFixtures.request("What is a set in Python? case-failure", null, Map.of()));

        assertThat(answer.path("data").path("source").asText()).isEqualTo("offline");
        assertThat(answer.path("data").path("replaced")).isEmpty();
        assertThat(answer.path("text").asText()).contains("A set is a bag of different values");
        openai.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("case-failure")));
    }

    @Test
    void aSlowModelRunsOutOfBudgetAndTheLessonAnswers() {
        OpenAiStub.reply(openai, "case-slow", "Too late to matter, but a long enough explanation of tuples to be "
                + "used otherwise.", 5_000, 200);

        JsonNode answer = ask(ConceptsFixtures.request("What is a tuple in Python? case-slow", null, Map.of()));

        assertThat(answer.path("data").path("source").asText()).isEqualTo("offline");
        assertThat(answer.path("text").asText()).doesNotContain("Too late");
    }

    private JsonNode ask(ConceptRequested request) {
        // A liveness bound, not a speed check: this class restarts the app (its own test resource), and the first
        // answer after a restart is slow on a loaded machine (cold model client, one retried LLM call).
        return ConceptsFixtures.answerTo(events, sink, request, Duration.ofSeconds(150));
    }
}
