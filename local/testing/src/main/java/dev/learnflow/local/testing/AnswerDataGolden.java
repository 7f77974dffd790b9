package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.json.ContractsJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON of an answer's {@code data} to a committed fixture ({@code src/test/resources/answer-data/<name>.json}
 * of the module under test), so typing the data cannot change what goes on the wire. Object keys may come in any
 * order; names, values, nulls and absent keys must match. {@code -Dlearnflow.golden.capture=true} (re)writes the
 * fixtures from what the code produces now. {@link #assertMeetsSchema} checks data against its kind's JSON Schema
 * (from the contracts jar, as a consumer would load it).
 */
public final class AnswerDataGolden {

    private static final ObjectMapper JSON = ContractsJson.newObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern MEMORY_ADDRESS = Pattern.compile(" at 0x[0-9a-f]+");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "answer-data");
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(EventTopic.SCHEMA_ID_BASE,
                    "classpath:" + EventTopic.SCHEMA_FOLDER + "/")));

    private AnswerDataGolden() {
    }

    /** The data as it would go on the wire, compared with the fixture {@code name}. */
    public static JsonNode assertMatches(String name, Object data) {
        JsonNode actual = JSON.valueToTree(data);
        Path fixture = FIXTURES.resolve(name + ".json");
        try {
            if (Boolean.getBoolean("learnflow.golden.capture")) {
                Files.createDirectories(FIXTURES);
                Files.writeString(fixture, JSON.writeValueAsString(actual) + "\n");
            }
            assertThat(fixture).as("fixture of %s (capture with -Dlearnflow.golden.capture=true)", name).exists();
            JsonNode expected = JSON.readTree(fixture.toFile());
            assertThat(withoutAddresses(actual)).as("data of %s against %s", name, fixture)
                    .isEqualTo(withoutAddresses(expected));
            return actual;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A traced example shows objects as Python prints them, with a memory address that differs per run. */
    private static JsonNode withoutAddresses(JsonNode json) throws IOException {
        return JSON.readTree(MEMORY_ADDRESS.matcher(JSON.writeValueAsString(json)).replaceAll(" at 0x…"));
    }

    /** The data, as it goes on the wire, meets the schema of its kind ({@code answer.<kind>.schema.json}). */
    public static void assertMeetsSchema(ResponseKind kind, Object data) {
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(EventTopic.SCHEMA_ID_BASE + kind.dataSchemaFileName()),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        JsonNode json = JSON.valueToTree(data);
        assertThat(schema.validate(json)).as("%s data %s against %s", kind, json, kind.dataSchemaFileName())
                .isEmpty();
    }
}
