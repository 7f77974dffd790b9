package dev.learnflow.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.learnflow.contracts.schema.SchemaGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Loads the generated schemas the way a consumer would: from the classpath. Formats are asserted, not noted. */
public final class SchemaSupport {

    /** learning.responses refers to the answer schemas by {@code $id}: resolve those from the classpath too. */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SchemaGenerator.ID_BASE,
                    "classpath:" + EventTopic.SCHEMA_FOLDER + "/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private SchemaSupport() {
    }

    public static JsonSchema payloadSchema(EventTopic topic) {
        return load(topic.schemaResource());
    }

    public static JsonSchema answerSchema(ResponseKind kind) {
        return load(EventTopic.SCHEMA_FOLDER + "/" + SchemaGenerator.answerFileName(kind));
    }

    public static JsonSchema envelopeSchema() {
        return load(EventTopic.SCHEMA_FOLDER + "/" + SchemaGenerator.ENVELOPE_FILE);
    }

    public static Set<ValidationMessage> validate(JsonSchema schema, JsonNode json) {
        return schema.validate(json);
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = SchemaSupport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath; did process-classes run?");
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
