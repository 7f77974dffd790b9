package dev.learnflow.platform.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The red-team corpus (shared with every agent's harness in local/testing) against the guard alone: every bad
 * output is refused for the reason it was written for, every good one passes untouched.
 */
class OutputGuardCorpusTest {

    static final Path CORPUS = Path.of("..", "local", "testing", "src", "main", "resources", "redteam",
            "model-outputs.json");

    static JsonNode corpus() throws IOException {
        return new ObjectMapper().readTree(Files.readString(CORPUS));
    }

    static GuardContext contextOf(JsonNode corpus, JsonNode item) {
        String program = item.get("program").asText();
        JsonNode reference = corpus.get("references").get(program);
        return new GuardContext(AnswerPolicy.valueOf(item.get("policy").asText()),
                corpus.get("programs").get(program).asText(), reference == null ? null : reference.asText());
    }

    /** One test per output of a corpus section ("bad" or "good"), each checking the guard's verdict on it. */
    static Stream<DynamicTest> eachOutputOf(String section, BiConsumer<JsonNode, OutputGuard.Verdict> expectation)
            throws IOException {
        JsonNode corpus = corpus();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode item : corpus.get(section)) {
            tests.add(DynamicTest.dynamicTest(item.get("id").asText(), () -> expectation.accept(item,
                    OutputGuard.check(item.get("output").asText(), contextOf(corpus, item)))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyBadOutputIsRefusedForItsReason() throws IOException {
        return eachOutputOf("bad", (item, verdict) -> {
            assertFalse(verdict.clean(), "published: " + item.get("output").asText());
            List<String> expected = new ArrayList<>();
            item.get("expect").forEach(e -> expected.add(e.asText().toLowerCase(Locale.ROOT)));
            assertTrue(verdict.reasons().stream().anyMatch(expected::contains),
                    "refused for " + verdict.reasons() + ", expected one of " + expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyGoodOutputPasses() throws IOException {
        return eachOutputOf("good", (item, verdict) -> assertTrue(verdict.clean(),
                "refused " + verdict.violations() + ": " + item.get("output").asText()));
    }

    @org.junit.jupiter.api.Test
    void corpusIsLargeEnoughToMeanSomething() throws IOException {
        JsonNode corpus = corpus();
        assertTrue(corpus.get("bad").size() >= 60, "at least 60 bad outputs");
        assertTrue(corpus.get("good").size() >= 20, "at least 20 good outputs");
    }
}
