package dev.learnflow.contracts.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class EventTopicTest {

    @Test
    void theEightTopicsOfTheArchitecture() {
        assertThat(Arrays.stream(EventTopic.values()).map(EventTopic::topic)).containsExactlyInAnyOrder(
                "learning.requests", "concepts.requests", "debug.requests", "code.submissions",
                "exercise.generated", "learning.responses", "progress.events", "struggle.detected");
    }

    @Test
    void namesTypesAndPayloadsAreUnique() {
        assertThat(Arrays.stream(EventTopic.values()).map(EventTopic::topic)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventTopic.values()).map(EventTopic::type)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventTopic.values()).map(EventTopic::payloadType)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventTopic.values()).map(EventTopic::deadLetterTopic)).doesNotHaveDuplicates();
    }

    /** The CloudEvent types on the wire, derived from the payload records' names: they must never drift. */
    @ParameterizedTest
    @CsvSource({
            "LEARNING_REQUESTS, learnflow.learning.requested",
            "CONCEPTS_REQUESTS, learnflow.concept.requested",
            "CODE_SUBMISSIONS, learnflow.code.submitted",
            "DEBUG_REQUESTS, learnflow.debug.requested",
            "EXERCISE_GENERATED, learnflow.exercise.generated",
            "LEARNING_RESPONSES, learnflow.learning.responded",
            "PROGRESS_EVENTS, learnflow.progress.recorded",
            "STRUGGLE_DETECTED, learnflow.struggle.detected"})
    void typesFollowTheNamingConvention(EventTopic topic, String type) {
        assertThat(topic.type()).isEqualTo(type);
    }

    @Test
    void lookupsFindEveryTopic() {
        for (EventTopic topic : EventTopic.values()) {
            assertThat(EventTopic.byTopic(topic.topic())).contains(topic);
            assertThat(EventTopic.byType(topic.type())).contains(topic);
            assertThat(EventTopic.byPayloadType(topic.payloadType())).contains(topic);
        }
        assertThat(EventTopic.byTopic("learning.requests")).contains(EventTopic.LEARNING_REQUESTS);
        assertThat(EventTopic.byTopic("nope")).isEmpty();
        assertThat(EventTopic.byTopic(null)).isEmpty();
        assertThat(EventTopic.byType("learnflow.nope")).isEmpty();
        assertThat(EventTopic.byPayloadType(String.class)).isEmpty();
    }

    @Test
    void deadLetterTopicsAndSchemaLocations() {
        assertThat(EventTopic.DEBUG_REQUESTS.deadLetterTopic()).isEqualTo("debug.requests.dlq");
        assertThat(EventTopic.DEBUG_REQUESTS.schemaResource()).isEqualTo("schemas/debug.requests.schema.json");
        assertThat(EventTopic.PUBSUB_NAME).isEqualTo("kafka-pubsub");
        assertThat(EventTopic.values()).allSatisfy(t ->
                assertThat(EventTopic.class.getClassLoader().getResource(t.schemaResource())).isNotNull());
    }
}
