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
import org.junit.jupiter.params.provider.CsvSource;

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
    @CsvSource(delimiter = '|', value = {
        "KeyError 'age' when i read from my dict                     | KeyError            | 'age'",
        "my code says NameError: name 'totl' is not defined           | NameError           | totl",
        "I keep getting IndexError … on line 5, why?                  | IndexError          | line 5",
        "TypeError: can only concatenate str (not \"int\") to str     | TypeError-concat    | a `str` and a `int`",
        "why TypeError unsupported operand type(s) for +: 'int' and 'str' | TypeError-concat | a `int` and a `str`",
        "TypeError: 'NoneType' object is not subscriptable           | TypeError-none      | None",
        "TypeError: 'int' object is not callable                      | TypeError-not-callable | a `int`",
        "TypeError: 'int' object is not iterable                      | TypeError-not-iterable | a `int`",
        "TypeError: area() missing 1 required positional argument: 'h' | TypeError-arguments | `area`",
        "TypeError: '<' not supported between instances of 'str' and 'int' | TypeError-compare | a `str` with a `int`",
        "ValueError: invalid literal for int() with base 10: 'xyz'   | ValueError-literal  | `int()` was given 'xyz'",
        "ValueError: too many values to unpack (expected 2, got 3)   | ValueError-unpack   | expected 2 items and got 3",
        "AttributeError: 'NoneType' object has no attribute 'append' | AttributeError-none | `.append`",
        "AttributeError: 'str' object has no attribute 'push'        | AttributeError      | a `str` has no `.push`",
        "ZeroDivisionError when i compute the average                | ZeroDivisionError   | divisor",
        "IndentationError: unexpected indent on line 3               | IndentationError    | line 3",
        "SyntaxError: expected ':'                                    | SyntaxError         | expected ':'",
        "RecursionError: maximum recursion depth exceeded            | RecursionError      | base case",
        "UnboundLocalError: local variable 'tally' referenced before assignment | UnboundLocalError | `tally`",
        "ModuleNotFoundError: No module named 'pandas'                | ModuleNotFoundError | `pandas`",
        "FileNotFoundError when opening data.txt                      | FileNotFoundError   | `data.txt`",
        "what does StopIteration mean                                 | StopIteration       | next()",
        "EOFError: EOF when reading a line                           | EOFError            | input()",
        "my test fails with AssertionError                           | AssertionError      | assert",
        "json.decoder.JSONDecodeError: Expecting value               | generic-error       | JSONDecodeError",
        "why do i get list index out of range                        | IndexError          | length",
        "it says key error                                           | KeyError            | dict",
    })
    void anErrorNamedWithoutCodeIsExplainedBeforeAskingForTheCode(String question, String entry, String mentions) {
        DebugAgent.Answer answer = NoCodeAnswers.answer(question, null, TracebackParser.parse(question)).orElseThrow();

        assertThat(answer.kind()).isEqualTo(ResponseKind.DEBUG);
        assertThat(explanation(answer).explained().id()).isEqualTo(entry);
        assertThat(answer.text()).contains(mentions);
        assertAnswerFirstThenAsk(answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Why does my function return None?                     | returns-none      | print instead of return",
        "my loop never stops                                   | loop-never-stops  | condition",
        "My loop runs forever, help                            | loop-never-stops  | never updated",
        "the average is always a whole number                  | whole-number      | //",
        "my program prints the same value every time           | same-value        | inside the loop",
        "my list changes by itself when I change the copy      | list-changes      | same object",
        "it gives 12 instead of 3 when I add the numbers       | numbers-joined    | input()",
        "my loop skips the last item                           | off-by-one        | range",
        "my program prints nothing                             | no-output         | never called",
        "my if statement never runs                            | condition-wrong   | \"5\" == 5",
        "my loop only runs once                                | loop-once         | return",
        "my program prints the wrong average                   | wrong-result      | smallest input",
        "f(3) returns 8 but should be 5                        | wrong-result      | `f(3)` gives 8, but should give 5",
    })
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
