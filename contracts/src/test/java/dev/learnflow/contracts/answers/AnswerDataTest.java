package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.contracts.events.EventSamples;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.events.SchemaSupport;
import dev.learnflow.contracts.json.ContractsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer records write exactly the JSON the services wrote when they built maps (the fixtures their tests
 * captured from that code), and each kind's data meets its schema, also through learning.responses.
 */
class AnswerDataTest {

    private static final ObjectMapper JSON = ContractsJson.newObjectMapper();
    private static final Path SERVICES = Path.of(System.getProperty("basedir", ".")).resolve("../services");

    static List<AnswerSamples.Sample> samples() {
        return AnswerSamples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writesTheJsonTheServicesWroteBefore(AnswerSamples.Sample sample) throws Exception {
        String[] serviceAndName = sample.fixture().split("/");
        Path fixture = SERVICES.resolve(serviceAndName[0]).resolve("src/test/resources/answer-data")
                .resolve(serviceAndName[1] + ".json");

        JsonNode written = JSON.valueToTree(AnswerSamples.fixtureValue(sample));
        assertThat(written).isEqualTo(JSON.readTree(fixture.toFile()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void meetsTheSchemaOfItsKind(AnswerSamples.Sample sample) {
        JsonNode data = JSON.valueToTree(published(sample.data()));

        assertThat(SchemaSupport.validate(SchemaSupport.answerSchema(sample.kind()), data)).isEmpty();
        JsonNode event = JSON.valueToTree(answer(sample.kind(), published(sample.data())));
        assertThat(SchemaSupport.validate(SchemaSupport.payloadSchema(EventTopic.LEARNING_RESPONSES), event))
                .isEmpty();
    }

    @Test
    void learningResponsesChecksTheDataAgainstItsKind() {
        JsonNode reviewWithConceptData = JSON.valueToTree(answer(ResponseKind.REVIEW,
                AnswerSamples.of(ResponseKind.CONCEPT)));

        assertThat(SchemaSupport.validate(SchemaSupport.payloadSchema(EventTopic.LEARNING_RESPONSES),
                reviewWithConceptData)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(ResponseKind.class)
    void everyKindHasASampleAndASchemaThatRejectsAnotherKindsData(ResponseKind kind) {
        ResponseKind other = kind == ResponseKind.ERROR ? ResponseKind.REVIEW : ResponseKind.ERROR;
        JsonNode otherData = JSON.valueToTree(AnswerSamples.of(other));

        assertThat(AnswerSamples.of(kind)).isInstanceOf(kind.dataType());
        assertThat(SchemaSupport.validate(SchemaSupport.answerSchema(kind), otherData)).isNotEmpty();
    }

    @Test
    void aConsumerRelaysTheDataExactlyAsItWasWritten() throws Exception {
        LearningResponded sent = (LearningResponded) EventSamples.of(EventTopic.LEARNING_RESPONSES);
        ObjectNode json = JSON.valueToTree(sent);
        ((ObjectNode) json.get("data")).put("addedLater", true);

        LearningResponded received = JSON.treeToValue(json, LearningResponded.class);

        assertThat(received.data()).isInstanceOf(ReceivedAnswer.class);
        assertThat((JsonNode) JSON.valueToTree(received)).isEqualTo(json);
        JsonNode failing = JSON.valueToTree(received).get("data").get("diagnosis").get("failingCase");
        assertThat(failing.has("stdin") && failing.get("stdin").isNull()).as("a null stays a null").isTrue();
        assertThat(failing.has("category")).as("an absent part stays absent").isFalse();
    }

    @Test
    void absentDataIsAnEmptyObject() throws Exception {
        ObjectNode json = JSON.valueToTree(EventSamples.of(EventTopic.LEARNING_RESPONSES));
        json.remove("data");

        LearningResponded received = JSON.treeToValue(json, LearningResponded.class);

        assertThat(JSON.valueToTree(received).get("data").isEmpty()).isTrue();
    }

    private static AnswerData published(AnswerData data) {
        return data instanceof TriageReply reply
                ? reply.withProvenance(new Provenance(Provenance.OFFLINE, "embedding", List.of())) : data;
    }

    private static LearningResponded answer(ResponseKind kind, AnswerData data) {
        LearningResponded sample = (LearningResponded) EventSamples.of(EventTopic.LEARNING_RESPONSES);
        return new LearningResponded(sample.requestId(), sample.userId(), sample.conversationId(), kind,
                sample.responder(), sample.text(), data, sample.respondedAt());
    }
}
