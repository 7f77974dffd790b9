package dev.learnflow.debug;

import dev.learnflow.contracts.answers.DebugExplanation;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.debug.service.DebugAgent;
import dev.learnflow.debug.service.Explainer;
import dev.learnflow.debug.service.ExplainerCatalog;
import dev.learnflow.debug.service.NoCodeAnswers;
import dev.learnflow.debug.service.TracebackParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answer first, then ask: questions that name an error or a symptom without code get the meaning, the usual causes
 * with an example each, how to tell them apart and an invitation to paste the code — in the student's own names.
 */
class NoCodeAnswersTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/debug/no-code/named-errors.psv", delimiter = '|', quoteCharacter = '\'')
    void anErrorNamedWithoutCodeIsExplainedBeforeAskingForTheCode(String question, String entry, String mentions) {
        DebugAgent.Answer answer = NoCodeAnswers.answer(question, null, TracebackParser.parse(question)).orElseThrow();

        assertThat(answer.kind()).isEqualTo(ResponseKind.DEBUG);
        assertThat(explanation(answer).explained().id()).isEqualTo(entry);
        assertThat(answer.text()).contains(mentions);
        assertAnswerFirstThenAsk(answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/debug/no-code/symptoms.psv", delimiter = '|', quoteCharacter = '\'')
    void aSymptomWithoutCodeIsExplainedBeforeAskingForTheCode(String question, String entry, String mentions) {
        DebugAgent.Answer answer = NoCodeAnswers.answer(question, null, Optional.empty()).orElseThrow();

        DebugExplanation.Explained explained = explanation(answer).explained();
        assertThat(explained.id()).isEqualTo(entry);
        assertThat(explained.kind()).isEqualTo("symptom");
        assertThat(answer.text()).contains(mentions);
        assertAnswerFirstThenAsk(answer);
    }

    @Test
    void theStudentsOwnNamesAreUsedAndUnknownOnesLeaveNoPlaceholder() {
        String named = NoCodeAnswers.answer("NameError: name 'totl' is not defined", null, Optional.empty())
                .orElseThrow().text();
        assertThat(named).contains("Here that name is `totl`").contains("every place `totl` appears")
                .doesNotContain("Search your program for the exact name");

        String unnamed = NoCodeAnswers.answer("why do i get a name error", null, Optional.empty()).orElseThrow().text();
        assertThat(unnamed).doesNotContainPattern("\\{[a-z][a-zA-Z]*}").doesNotContain("Here that name is")
                .contains("Search your program for the exact name");
    }

    @Test
    void nothingToExplainMeansNoAnswerSoTheAgentAsksForTheCode() {
        assertThat(NoCodeAnswers.answer("it doesn't work", null, Optional.empty())).isEmpty();
        assertThat(NoCodeAnswers.answer("can you help me", null, Optional.empty())).isEmpty();
    }

    @Test
    void aFullTracebackWithTheFailingLineKeepsTheSpecificDiagnosis() {
        String traceback = "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n"
                + "    print(totl)\nNameError: name 'totl' is not defined";

        assertThat(NoCodeAnswers.answer(null, traceback, TracebackParser.parse(traceback))).isEmpty();
    }

    @Test
    void everyCatalogueFileIsListedAndWellFormed() throws IOException {
        Path directory = Path.of("src/main/resources/" + ExplainerCatalog.DIRECTORY);
        List<String> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.replaceFirst("\\.md$", "")).sorted().toList();
        }
        List<Explainer> entries = ExplainerCatalog.get().entries();
        assertThat(entries).extracting(Explainer::id).containsExactlyInAnyOrderElementsOf(files);
        for (Explainer entry : entries) {
            assertThat(entry.causes()).as(entry.id()).hasSizeBetween(2, 4)
                    .allSatisfy(c -> assertThat(c.example()).as(entry.id() + ": " + c.title()).isNotBlank());
            assertThat(entry.isSymptom() || entry.type() != null || entry.id().equals("generic-error"))
                    .as(entry.id()).isTrue();
        }
        assertThat(entries.stream().filter(Explainer::isSymptom)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(entries.stream().map(Explainer::type).distinct().filter(java.util.Objects::nonNull))
                .contains("NameError", "TypeError", "ValueError", "IndexError", "KeyError", "AttributeError",
                        "ZeroDivisionError", "IndentationError", "SyntaxError", "RecursionError",
                        "UnboundLocalError", "ModuleNotFoundError", "FileNotFoundError", "StopIteration");
    }

    private static void assertAnswerFirstThenAsk(DebugAgent.Answer answer) {
        String text = answer.text();
        DebugExplanation data = explanation(answer);
        assertThat(data.causes()).hasSizeBetween(2, 4).allSatisfy(c -> assertThat(c.example()).isNotBlank());
        assertThat(text).doesNotContainPattern("\\{[a-z][a-zA-Z]*}").contains("```python").contains("**How to find which one it is:**");
        int means = text.indexOf(data.meaning());
        int causesAt = text.indexOf("**The usual");
        int find = text.indexOf("**How to find which one it is:**");
        int ask = text.toLowerCase().lastIndexOf("paste");
        assertThat(means).isGreaterThan(0);
        assertThat(causesAt).isGreaterThan(means);
        assertThat(find).isGreaterThan(causesAt);
        assertThat(ask).as("the invitation to paste the code comes last").isGreaterThan(find);
        assertThat(data.needs()).isEqualTo("code");
    }

    private static DebugExplanation explanation(DebugAgent.Answer answer) {
        assertThat(answer.data()).isInstanceOf(DebugExplanation.class);
        return (DebugExplanation) answer.data();
    }
}
