package dev.learnflow.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.answers.ConceptDocumentation;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.local.testing.AnswerDataGolden;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions beyond the course's 32 lessons, through the sidecar: a lesson beyond the course (progress recorded
 * against its curriculum topic), an answer from Python's documentation that cites its source (with its example
 * traced), and an honest "I don't know" with the nearest topics as choices.
 */
@QuarkusTest
class BeyondTheLessonsFlowTest extends ConceptsMeshTest {

    @Test
    void theYieldQuestionGetsTheGeneratorsLessonCountedForItsCourseTopic() {
        answerTracesWithPython(agent.knowledgeBase().byTopic("generators").orElseThrow().example());
        ConceptRequested request = request("what does the yield keyword do", "for-loops");

        JsonNode answer = answerTo(request);
        JsonNode data = answer.path("data");

        pinned("concept-lesson", data);
        assertThat(data.path("topicId").asText()).isEqualTo("generators");
        // the lesson explains with a traced example; the language reference's section on yield is quoted under it
        assertThat(data.path("reference").path("section").asText()).contains("yield");
        assertThat(answer.path("text").asText()).contains("In Python's documentation")
                .contains("Source: Python Language Reference");
        assertThat(data.path("curriculumTopicId").asText()).isEqualTo("comprehensions");
        assertThat(data.path("trace").path("stdout").asText()).contains("got 3");
        assertThat(data.path("mermaid").asText()).startsWith("flowchart TD");
        JsonNode viewed = progressOf(request);
        assertThat(viewed.path("object").path("id").asText()).isEqualTo("generators");
        assertThat(viewed.path("object").path("topicId").asText()).isEqualTo("comprehensions");
    }

    @Test
    void aQuestionNoLessonCoversIsAnsweredFromTheDocumentationWithItsSource() {
        ConceptRequested request = request("what does the del statement do", null);
        String example = ((ConceptDocumentation) agent.answer(request).data()).illustration().example();
        if (example != null) {
            answerTracesWithPython(example);
        }

        JsonNode answer = answerTo(request);

        JsonNode data = answer.path("data");
        pinned("concept-documentation", data);
        assertThat(data.path("basis").asText()).isEqualTo("python-docs");
        assertThat(data.path("source").asText()).isEqualTo("offline");
        assertThat(data.path("topicId").isNull()).isTrue();
        assertThat(data.path("documentation").path("section").asText()).containsIgnoringCase("del");
        String citation = data.path("citation").asText();
        assertThat(citation).contains(data.path("documentation").path("source").asText())
                .contains(data.path("documentation").path("doc").asText());
        assertThat(answer.path("text").asText()).contains("*Source: " + citation).contains("PSF License")
                .containsIgnoringCase("del");
        if (example != null) {
            assertThat(data.path("trace").path("steps").size()).isGreaterThan(0);
        }
        assertThat(progressOf(request).path("object").path("topicId").isMissingNode()
                || progressOf(request).path("object").path("topicId").isNull()).isTrue();
    }

    @Test
    void anUnanswerableQuestionIsDeclinedWithTheNearestTopicsAsChoices() {
        ConceptRequested request = request("what is the capital of France", "for-loops");

        JsonNode answer = answerTo(request);

        JsonNode data = answer.path("data");
        pinned("concept-abstention", data);
        assertThat(data.path("abstained").asBoolean()).isTrue();
        assertThat(data.path("topicId").isNull()).isTrue();
        assertThat(data.path("choices").size()).isBetween(2, 3);
        String firstChoice = data.path("choices").get(0).path("title").asText();
        assertThat(answer.path("text").asText()).contains("I don't know").contains("**" + firstChoice + "**");
        assertThat(answer.path("text").asText()).doesNotContain("```python");
    }

    /** The published data is what the map-building code published, and meets the concept schema. */
    private static void pinned(String fixture, JsonNode data) {
        AnswerDataGolden.assertMatches(fixture, data);
        AnswerDataGolden.assertMeetsSchema(ResponseKind.CONCEPT, data);
    }

    private void answerTracesWithPython(String example) {
        ConceptsFixtures.tracesWithPython(sandbox, mapper, example);
    }

    private JsonNode answerTo(ConceptRequested request) {
        return ConceptsFixtures.answerTo(events, sink, request, Duration.ofSeconds(60));
    }

    private JsonNode progressOf(ConceptRequested request) {
        return ConceptsFixtures.published(sink, ConceptsFixtures.PROGRESS, request, Duration.ofSeconds(30));
    }

    private static ConceptRequested request(String question, String topicId) {
        return ConceptsFixtures.request(question, topicId, Map.of());
    }
}
