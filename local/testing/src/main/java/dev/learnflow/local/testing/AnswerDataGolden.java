package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.learnflow.contracts.json.ContractsJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON of an answer's {@code data} to a committed fixture ({@code src/test/resources/answer-data/<name>.json}
 * of the module under test), so typing the data cannot change what goes on the wire. Object keys may come in any
 * order; names, values, nulls and absent keys must match. {@code -Dlearnflow.golden.capture=true} (re)writes the
 * fixtures from what the code produces now.
 */
public final class AnswerDataGolden {

    private static final ObjectMapper JSON = ContractsJson.newObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path FIXTURES = Path.of("src", "test", "resources", "answer-data");

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
            assertThat(actual).as("data of %s against %s", name, fixture).isEqualTo(expected);
            return actual;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
