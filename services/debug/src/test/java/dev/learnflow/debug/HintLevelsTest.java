package dev.learnflow.debug;

import dev.learnflow.debug.domain.Diagnosis;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ParsedError;
import dev.learnflow.debug.service.CodeFacts;
import dev.learnflow.debug.service.ErrorCatalog;
import dev.learnflow.debug.service.HintComposer;
import dev.learnflow.debug.service.TracebackParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hint level for real buggy programs, checked against the program that fixes them: level n brings n hints,
 * each one is plain words (platform's output guard would publish it), and no line of the corrected program appears.
 */
class HintLevelsTest {

    static Stream<Arguments> buggyAndFixed() {
        return Stream.of(
                Arguments.of("total = 0\nfor n in [1, 2, 3]:\n    total = total + n\nprint(totl)\n",
                        "total = 0\nfor n in [1, 2, 3]:\n    total = total + n\nprint(total)\n"),
                Arguments.of("age = 17\nprint(\"Next year: \" + age + 1)\n",
                        "age = 17\nprint(\"Next year: \" + str(age + 1))\n"),
                Arguments.of("scores = [3, 5, 8]\nfor i in range(len(scores) + 1):\n    print(scores[i])\n",
                        "scores = [3, 5, 8]\nfor i in range(len(scores)):\n    print(scores[i])\n"),
                Arguments.of("def average(xs):\n    return sum(xs) / len(xs)\n\nprint(average([]))\n",
                        "def average(xs):\n    if not xs:\n        return 0\n    return sum(xs) / len(xs)\n\n"
                                + "print(average([]))\n"),
                Arguments.of("def greet(name)\n    return \"Hi \" + name\n",
                        "def greet(name):\n    return \"Hi \" + name\n"),
                Arguments.of("stock = {\"apple\": 3}\nprint(stock[\"pear\"])\n",
                        "stock = {\"apple\": 3}\nprint(stock.get(\"pear\", 0))\n"),
                Arguments.of("names = [\"b\", \"a\"]\nordered = names.sort()\nprint(ordered.upper())\n",
                        "names = [\"b\", \"a\"]\nnames.sort()\nprint(names)\n"),
                Arguments.of("def count_down(n):\n    print(n)\n    count_down(n - 1)\n\ncount_down(3)\n",
                        "def count_down(n):\n    if n < 0:\n        return\n    print(n)\n    count_down(n - 1)\n\n"
                                + "count_down(3)\n"));
    }

    @ParameterizedTest
    @MethodSource("buggyAndFixed")
    void hintLevelsNeverContainTheSolution(String buggy, String fixed) {
        ParsedError error = TracebackParser.parse(Python.stderrOf(buggy)).orElseThrow();
        CodeFacts facts = new CodeFacts(buggy);
        Diagnosis diagnosis = ErrorCatalog.diagnose(error, facts);
        Set<String> fixLines = changedLines(buggy, fixed);
        assertThat(fixLines).isNotEmpty();

        for (int level = 1; level <= 3; level++) {
            List<Hint> hints = HintComposer.hints(error, diagnosis, facts, level);

            assertThat(hints).extracting(Hint::level).containsExactlyElementsOf(
                    Stream.iterate(1, i -> i + 1).limit(level).toList());
            for (Hint hint : hints) {
                assertThat(HintPolicy.violations(hint.text(), buggy)).as("plain words: " + hint.text()).isEmpty();
                assertThat(hint.text()).doesNotContain("```");
                for (String line : fixLines) {
                    assertThat(hint.text()).as("hint %d must not hand out the fixed line", level)
                            .doesNotContain(line);
                }
            }
        }
    }

    @Test
    void levelsAreClampedToOneToThree() {
        String code = "print(undefined_name)\n";
        ParsedError error = TracebackParser.parse(Python.stderrOf(code)).orElseThrow();
        Diagnosis diagnosis = ErrorCatalog.diagnose(error, new CodeFacts(code));

        assertThat(HintComposer.hints(error, diagnosis, new CodeFacts(code), 0)).hasSize(1);
        assertThat(HintComposer.hints(error, diagnosis, new CodeFacts(code), 9)).hasSize(3);
    }

    @Test
    void aModelHintWithCodeIsRefusedWholeAndTheOfflineHintStays() {
        String buggy = "total = 0\nfor n in [1, 2, 3]:\n    total = total + n\nprint(totl)\n";
        String reply = "Look at line 4.\n```python\ntotal = 0\nfor n in xs:\n    total += n\nprint(total)\n```\n"
                + "total = sum(xs)\nThen run it again.";

        assertThat(HintPolicy.violations(reply, buggy)).contains("code_block", "code_lines");
        assertThat(HintPolicy.violations("Look at line 4: the name is misspelt; the line should read: print(total)",
                buggy)).containsExactly("corrected_line");
        assertThat(HintPolicy.violations("Compare `totl` on line 4 with the name you add to on line 3.", buggy))
                .isEmpty();
    }

    /** Lines of the corrected program that the buggy one lacks: the fix itself (bare keywords aside). */
    private static Set<String> changedLines(String buggy, String fixed) {
        Set<String> before = Arrays.stream(buggy.split("\n")).map(String::strip).collect(Collectors.toSet());
        return Arrays.stream(fixed.split("\n")).map(String::strip)
                .filter(l -> l.length() >= 8 && !before.contains(l)).collect(Collectors.toSet());
    }
}
