package dev.learnflow.contracts.schema;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ResponseKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.SortedMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed schemas under {@code contracts/schemas} are what the records generate today. When this fails,
 * run {@code mvn -pl contracts process-classes -Dlearnflow.schemas.update=true} and commit the changed files.
 */
class SchemaDriftTest {

    private static final Path PUBLISHED = Path.of(System.getProperty("basedir", ".")).resolve("schemas");
    private static final Path ON_CLASSPATH = Path.of(System.getProperty("basedir", "."))
            .resolve("target/classes/schemas");

    @Test
    void thereIsOneSchemaPerTopicAndAnswerKindPlusTheEnvelope() {
        SortedMap<String, String> generated = SchemaGenerator.generateAll();

        assertThat(generated).hasSize(EventTopic.values().length + ResponseKind.values().length + 1)
                .containsKey(SchemaGenerator.ENVELOPE_FILE);
        for (EventTopic topic : EventTopic.values()) {
            assertThat(generated).containsKey(topic.schemaFileName());
        }
        for (ResponseKind kind : ResponseKind.values()) {
            assertThat(generated).containsKey(SchemaGenerator.answerFileName(kind));
        }
    }

    @Test
    void committedSchemasMatchTheRecords() throws Exception {
        assertThat(SchemaGenerator.readAll(PUBLISHED))
                .as("contracts/schemas is stale: run `mvn -pl contracts process-classes "
                        + "-Dlearnflow.schemas.update=true` and commit the result")
                .isEqualTo(SchemaGenerator.generateAll());
    }

    @Test
    void classpathSchemasMatchTheRecords() throws Exception {
        assertThat(SchemaGenerator.readAll(ON_CLASSPATH)).isEqualTo(SchemaGenerator.generateAll());
    }

    @Test
    void generationIsDeterministic() {
        assertThat(SchemaGenerator.generateAll()).isEqualTo(SchemaGenerator.generateAll());
    }
}
