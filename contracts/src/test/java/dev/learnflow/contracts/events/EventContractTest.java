package dev.learnflow.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.learnflow.contracts.json.ContractsJson;
import dev.learnflow.contracts.BeanValidation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every topic's payload survives JSON both ways and matches its generated schema; broken payloads do not. */
class EventContractTest {

    private static final ObjectMapper JSON = ContractsJson.newObjectMapper();
    private static final Validator validator = BeanValidation.VALIDATOR;

    @Test
    void everyTopicHasASampleOfItsPayloadType() {
        assertThat(EventSamples.all()).containsOnlyKeys(EventTopic.values());
        EventSamples.all().forEach((topic, sample) -> assertThat(sample).isInstanceOf(topic.payloadType()));
    }

    @ParameterizedTest
    @EnumSource(EventTopic.class)
    void eventRoundTripsThroughJson(EventTopic topic) throws Exception {
        CloudEvent<Record> event = CloudEvent.of(topic, "triage", EventSamples.of(topic))
                .withSubject(EventSamples.STUDENT.toString())
                .withTrace("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);

        String json = JSON.writeValueAsString(event);

        CloudEvent<?> read = ContractsJson.readEvent(json);
        CloudEvent<Object> typed = JSON.readValue(json, ContractsJson.eventType(JSON.getTypeFactory(), topic));
        assertThat(typed.data()).isInstanceOf(topic.payloadType());
        // An answer's data is read back as it was written, not as the producer's record (see ReceivedAnswer).
        assertThat(JSON.writeValueAsString(read)).isEqualTo(json);
        assertThat(JSON.writeValueAsString(typed)).isEqualTo(json);
        if (topic != EventTopic.LEARNING_RESPONSES) {
            assertThat(read).isEqualTo(event);
            assertThat(typed).isEqualTo(event);
        }
    }

    @ParameterizedTest
    @EnumSource(EventTopic.class)
    void envelopeHasCloudEventsAndDaprAttributes(EventTopic topic) throws Exception {
        CloudEvent<Record> event = CloudEvent.of(topic, "progress", EventSamples.of(topic));
        JsonNode json = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(UUID.fromString(json.get("id").asText())).isNotNull();
        assertThat(json.get("source").asText()).isEqualTo("progress");
        assertThat(json.get("type").asText()).isEqualTo(topic.type()).startsWith("learnflow.");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("topic").asText()).isEqualTo(topic.topic());
        assertThat(json.get("pubsubname").asText()).isEqualTo("kafka-pubsub");
        assertThat(json.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
        assertThat(json.has("subject")).as("absent optional attributes are omitted, not null").isFalse();
        assertThat(json.has("traceparent")).isFalse();
        assertThat(SchemaSupport.validate(SchemaSupport.envelopeSchema(), json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventTopic.class)
    void payloadValidatesAgainstItsGeneratedSchema(EventTopic topic) throws Exception {
        JsonNode data = JSON.readTree(JSON.writeValueAsString(CloudEvent.of(topic, "test", EventSamples.of(topic))))
                .get("data");

        assertThat(SchemaSupport.validate(SchemaSupport.payloadSchema(topic), data)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventTopic.class)
    void samplePayloadSatisfiesItsBeanValidationConstraints(EventTopic topic) {
        assertThat(validator.validate(EventSamples.of(topic))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventTopic.class)
    void payloadMissingARequiredFieldFailsTheSchema(EventTopic topic) {
        JsonSchema schema = SchemaSupport.payloadSchema(topic);
        ArrayNode required = (ArrayNode) schema.getSchemaNode().get("required");
        assertThat(required).as("every payload has required fields").isNotEmpty();

        for (JsonNode field : required) {
            ObjectNode broken = serializedPayload(topic);
            broken.remove(field.asText());
            assertThat(SchemaSupport.validate(schema, broken))
                    .as("%s without %s", topic.topic(), field.asText())
                    .extracting(ValidationMessage::getType)
                    .contains("required");
        }
    }

    /** Every topic with a userId that is not a UUID string, and the schema check it must fail. */
    static Stream<Arguments> badUserIds() {
        return Arrays.stream(EventTopic.values()).flatMap(topic -> Stream.of(
                arguments(topic, IntNode.valueOf(42), "type"),
                arguments(topic, TextNode.valueOf("not-a-uuid"), "format")));
    }

    @ParameterizedTest
    @MethodSource("badUserIds")
    void payloadWithABadUserIdFailsTheSchema(EventTopic topic, JsonNode userId, String failedCheck) {
        ObjectNode broken = serializedPayload(topic);
        // concepts.requests carries the student's question, ids and all, as it was forwarded
        ObjectNode ids = broken.has("request") ? (ObjectNode) broken.get("request") : broken;
        ids.set("userId", userId);

        assertThat(SchemaSupport.validate(SchemaSupport.payloadSchema(topic), broken))
                .extracting(ValidationMessage::getType)
                .contains(failedCheck);
    }

    @Test
    void schemaCatchesOutOfRangeAndUnknownValuesInsideNestedObjects() {
        ObjectNode progress = serializedPayload(EventTopic.PROGRESS_EVENTS);
        ((ObjectNode) progress.get("result")).put("score", 1.5);
        progress.put("verb", "danced");
        ((ObjectNode) progress.get("object")).put("type", "video");

        assertThat(SchemaSupport.validate(SchemaSupport.payloadSchema(EventTopic.PROGRESS_EVENTS), progress))
                .extracting(message -> message.getInstanceLocation().toString())
                .contains("/result/score", "/verb", "/object/type");

        ObjectNode concept = serializedPayload(EventTopic.CONCEPTS_REQUESTS);
        ObjectNode forwarded = (ObjectNode) concept.get("request");
        ((ObjectNode) forwarded.get("context").get("mastery")).put("for-loops", 3.0);
        forwarded.put("topicId", "For Loops");
        forwarded.put("question", "x".repeat(2_001));

        assertThat(SchemaSupport.validate(SchemaSupport.payloadSchema(EventTopic.CONCEPTS_REQUESTS), concept))
                .extracting(message -> message.getInstanceLocation().toString())
                .contains("/request/context/mastery/for-loops", "/request/topicId", "/request/question");
    }

    @Test
    void enumsAndTimesUseTheirWireForm() throws Exception {
        JsonNode progress = JSON.valueToTree(EventSamples.of(EventTopic.PROGRESS_EVENTS));
        assertThat(progress.get("verb").asText()).isEqualTo("failed");
        assertThat(progress.get("object").get("type").asText()).isEqualTo("exercise");
        assertThat(progress.get("occurredAt").asText()).isEqualTo("2025-03-14T15:09:26.535897Z");

        JsonNode struggle = JSON.valueToTree(EventSamples.of(EventTopic.STRUGGLE_DETECTED));
        assertThat(struggle.get("reason").asText()).isEqualTo("repeated_error");
        assertThat(struggle.get("severity").asText()).isEqualTo("high");

        JsonNode answer = JSON.valueToTree(EventSamples.of(EventTopic.LEARNING_RESPONSES));
        assertThat(answer.get("kind").asText()).isEqualTo("debug");
    }

    @Test
    void unknownFieldsAreToleratedSoProducersCanEvolveFirst() throws Exception {
        Record sample = EventSamples.of(EventTopic.STRUGGLE_DETECTED);
        ObjectNode json = (ObjectNode) JSON.readTree(JSON.writeValueAsString(
                CloudEvent.of(EventTopic.STRUGGLE_DETECTED, "progress", sample)));
        ((ObjectNode) json.get("data")).put("addedLater", true);
        json.put("someextension", "x");

        CloudEvent<?> event = ContractsJson.readEvent(JSON.writeValueAsString(json));

        assertThat(event.data()).isEqualTo(sample);
    }

    @Test
    void beanValidationRejectsABrokenPayloadWithFieldNames() {
        LearningRequested bad = new LearningRequested(null, EventSamples.STUDENT, null, " ", null, "Not A Slug",
                null, null);

        Set<ConstraintViolation<LearningRequested>> violations = validator.validate(bad);

        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("requestId", "question", "topicId", "requestedAt");
    }

    @Test
    void aConceptRequestWithoutTheStudentsContextIsRefused() {
        ConceptRequested sample = (ConceptRequested) EventSamples.of(EventTopic.CONCEPTS_REQUESTS);
        LearningRequested q = sample.request();
        ConceptRequested bare = new ConceptRequested(new LearningRequested(q.requestId(), q.userId(),
                q.conversationId(), q.question(), q.code(), q.topicId(), null, q.requestedAt()), sample.concept());

        assertThat(validator.validate(bare)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("context");
    }

    @Test
    void ofRefusesAPayloadOfAnotherTopic() {
        Record learning = EventSamples.of(EventTopic.LEARNING_REQUESTS);

        assertThatThrownBy(() -> CloudEvent.of(EventTopic.PROGRESS_EVENTS, "gateway", learning))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ProgressRecorded");
        assertThatThrownBy(() -> CloudEvent.of(EventTopic.LEARNING_REQUESTS, " ", learning))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofMakesAFreshIdEachTime() {
        Record sample = EventSamples.of(EventTopic.PROGRESS_EVENTS);

        assertThat(CloudEvent.of(EventTopic.PROGRESS_EVENTS, "exercise", sample).id())
                .isNotEqualTo(CloudEvent.of(EventTopic.PROGRESS_EVENTS, "exercise", sample).id());
    }

    @Test
    void readingAnEventOfAnUnknownTypeFails() {
        assertThatThrownBy(() -> ContractsJson.readEvent("{\"specversion\":\"1.0\",\"type\":\"com.example.other\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.example.other");
    }

    private static ObjectNode serializedPayload(EventTopic topic) {
        return (ObjectNode) JSON.valueToTree(EventSamples.of(topic));
    }
}
