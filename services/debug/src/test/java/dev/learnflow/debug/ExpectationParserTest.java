package dev.learnflow.debug;

import dev.learnflow.debug.domain.Expectations;
import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.debug.service.ExpectationParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a student states what their program should do becomes a test case the harness can run. */
class ExpectationParserTest {

    static final String FIB = "def fibonacci(n):\n    a, b = 0, 1\n    for i in range(n + 1):\n        a, b = b, a + b\n"
            + "    return a\n";
    static final String DEDUPE = "def f(items):\n    out = []\n    for x in items:\n        out.append(x)\n"
            + "    return out\n";
    static final String AVG = "def avg(nums):\n    return sum(nums) // len(nums)\n";
    static final String SCRIPT = "n = int(input())\nprint(n - 1)\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fibonacci(5) returns 8 but the tests expect 5|fibonacci(5)|5|8",
        "my fibonacci returns 8 instead of 5 for n=5|fibonacci(5)|5|8",
        "fibonacci(5) gives 8, expected 5|fibonacci(5)|5|8",
        "fibonacci(5) returned 8, expected 5|fibonacci(5)|5|8",
        "Expected 5 but got 8 from fibonacci(5)|fibonacci(5)|5|8",
        "fibonacci(5) should be 5 but I get 8|fibonacci(5)|5|8",
        "fibonacci(5) should return 5, not 8|fibonacci(5)|5|8",
        "why does fibonacci(5) = 8? it should be 5|fibonacci(5)|5|8",
        "when n is 5 fibonacci returns 8 but I want 5|fibonacci(5)|5|8",
        "fibonacci(n=5) is 8 instead of 5|fibonacci(n=5)|5|8",
        "For n = 5 my function gives 8 though the correct answer is 5|fibonacci(5)|5|8",
        "fibonacci(5) outputs `8` but is supposed to be `5`|fibonacci(5)|5|8",
        "why does fibonacci(5) give 8?? shouldnt it be 5|fibonacci(5)|5|8",
        "fibonacci(5) shoud return 5 but its 8|fibonacci(5)|5|8",
        "fibonacci(5) says 8 but the answer for five is 5|fibonacci(5)|5|8",
        "fibonacci(5) returns 8 but i want the number 5|fibonacci(5)|5|8",
    })
    void callPhrasings(String question, String call, String expected, String actual) {
        TestCase c = only(ExpectationParser.parse(question, null, FIB));

        assertThat(c.call()).isEqualTo(call);
        assertThat(c.expected()).isEqualTo(expected);
        assertThat(c.claimed()).isEqualTo(actual);
        assertThat(c.source()).isEqualTo("question");
    }

    @Test
    void listsAndFloatsAndTheErrorField() {
        TestCase lists = only(ExpectationParser.parse(null, "f([1,2,2]) gives [1,2,2], expected [1,2]", DEDUPE));
        assertThat(lists.call()).isEqualTo("f([1,2,2])");
        assertThat(lists.expected()).isEqualTo("[1,2]");
        assertThat(lists.claimed()).isEqualTo("[1,2,2]");
        assertThat(lists.source()).isEqualTo("error");

        TestCase floats = only(ExpectationParser.parse("avg([1,2]) should be 1.5 but I get 1", null, AVG));
        assertThat(floats.call()).isEqualTo("avg([1,2])");
        assertThat(floats.expected()).isEqualTo("1.5");
        assertThat(floats.claimed()).isEqualTo("1");

        TestCase words = only(ExpectationParser.parse("f(['a']) returns None instead of an empty list", null,
                DEDUPE));
        assertThat(words.expected()).isEqualTo("[]");
        assertThat(words.claimed()).isEqualTo("None");
    }

    @Test
    void typedInputAndPrintedOutput() {
        TestCase c = only(ExpectationParser.parse("when I enter 4 it prints 3 but should print 4", null, SCRIPT));
        assertThat(c.call()).isNull();
        assertThat(c.stdin()).isEqualTo("4\n");
        assertThat(c.expected()).isEqualTo("4");
        assertThat(c.claimed()).isEqualTo("3");

        TestCase two = only(ExpectationParser.parse("If I type 3 and 5 I get 2 instead of 8", null,
                "a = int(input())\nb = int(input())\nprint(b - a)\n"));
        assertThat(two.stdin()).isEqualTo("3\n5\n");
        assertThat(two.expected()).isEqualTo("8");

        TestCase pair = only(ExpectationParser.parse("Input: 7\nExpected output: 7", null, SCRIPT));
        assertThat(pair.stdin()).isEqualTo("7\n");
        assertThat(pair.expected()).isEqualTo("7");
        assertThat(pair.source()).isEqualTo("stdin");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // question or error | program | typed in | expected output | printed now
        "if I input 3 the output should be\\n1\\n2\\n3|n = int(input())\\nfor i in range(1, n):\\n    print(i)|3|1\\n2\\n3|-",
        "Expected output:\\n1\\n2\\n3\\nActual output:\\n1\\n2|for i in range(1, 3):\\n    print(i)||1\\n2\\n3|1\\n2",
        "Sample input: 4\\nSample output: 16|n = int(input())\\nprint(n - 1)|4|16|-",
        "Input: a abc ab\\nExpected output: abc|words = input().split()\\nprint(max(words))|a abc ab|abc|-",
    })
    void outputsOfSeveralLinesAndLabelledPairs(String said, String program, String typed, String output,
                                               String printed) {
        TestCase c = only(ExpectationParser.parse(said.replace("\\n", "\n"), null,
                program.replace("\\n", "\n") + "\n"));
        assertThat(c.call()).isNull();
        assertThat(c.stdin()).isEqualTo(typed == null ? "" : typed + "\n");
        assertThat(c.expected()).isEqualTo(output.replace("\\n", "\n"));
        assertThat(c.claimed()).isEqualTo(printed == null ? null : printed.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // what the student said about a program that reads input() | typed in | expected output | printed now
        "if i put in 6 i expect the total to be 36 but it shows 12|6|36|12",
        "When I type 3 it says Nope! but it should say You got it after 2 tries|3|You got it after 2 tries|Nope!",
        "I typed Oslo and it printed Wrong, expected Correct!|Oslo|Correct!|Wrong",
        "when I enter nothing it should print total: 0 but it crashes|\\n|total: 0|-",
        "if I just press enter it should say empty, it crashes|\\n|empty|-",
        "when I type ab and then abcdefg it should say accepted but it keeps asking|ab\\nabcdefg|accepted|-",
        "if I enter 4 the last line should be 4 x 10 = 40 but it stops at 4 x 9 = 36|4|4 x 10 = 40|-",
        "typing 12 gives small, it should be large|12|large|small",
        "if I type 5 it should end with Done! but it keeps printing 5|5|Done!|-",
    })
    void scriptsThatReadInputAndPrintWords(String said, String typed, String output, String printed) {
        TestCase c = only(ExpectationParser.parse(said, null, "x = input()\nprint(x)\n"));
        assertThat(c.call()).isNull();
        String stdin = typed.replace("\\n", "\n");
        assertThat(c.stdin()).isEqualTo(stdin.endsWith("\n") ? stdin : stdin + "\n");
        assertThat(c.expected()).isEqualTo(output);
        assertThat(c.claimed()).isEqualTo(printed);
    }

    @Test
    void wordsThatSayWhatToDoAreNotPrintedOutput() {
        assertThat(ExpectationParser.parse("when I enter 3 it should work but it doesn't", null,
                "x = input()\nprint(x)\n").any()).isFalse();
        assertThat(ExpectationParser.parse("it should stop when I type q", null,
                "x = input()\nprint(x)\n").any()).isFalse();
    }

    @Test
    void anExpectationWrittenOnlyAsAComment() {
        List<TestCase> printed = ExpectationParser.parse(null, null,
                "def triple(x):\n    return x + 3\n\nprint(triple(4))  # should print 12\n").cases();
        assertThat(printed).extracting(TestCase::call, TestCase::expected, TestCase::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("triple(4)", "12", "comment"));

        List<TestCase> arrow = ExpectationParser.parse("", null,
                "def evens(n):\n    return list(range(0, n, 2))\n# evens(6) -> [0, 2, 4, 6]\n").cases();
        assertThat(arrow).extracting(TestCase::call, TestCase::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("evens(6)", "[0, 2, 4, 6]"));

        assertThat(ExpectationParser.parse(null, null, "def f(x):\n    # add one to x\n    return x + 1\n").any())
                .isFalse();
    }

    @Test
    void withoutAnInputTheCallsInTheCodeAreCandidates() {
        String code = FIB + "\nprint(fibonacci(5))\nprint(fibonacci(2))\n";
        TestCase c = only(ExpectationParser.parse("my fibonacci returns 8 instead of 5", null, code));
        assertThat(c.call()).isNull();
        assertThat(c.candidates()).containsExactly("fibonacci(5)", "fibonacci(2)");
        assertThat(c.claimed()).isEqualTo("8");
        assertThat(c.expected()).isEqualTo("5");
    }

    @Test
    void assertsAndDoctestsInTheCode() {
        String code = "def fibonacci(n):\n    \"\"\"\n    >>> fibonacci(6)\n    8\n    \"\"\"\n    a, b = 0, 1\n"
                + "    for i in range(n + 1):\n        a, b = b, a + b\n    return a\n\n"
                + "assert fibonacci(1) == 1\nassert 5 == fibonacci(5), 'five'\nassert fibonacci(0) is not None\n"
                + "assert not fibonacci(0)\n";
        List<TestCase> cases = ExpectationParser.parse(null, null, code).cases();

        assertThat(cases).extracting(TestCase::call, TestCase::expected, TestCase::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fibonacci(1)", "1", "assert"),
                org.assertj.core.groups.Tuple.tuple("fibonacci(5)", "5", "assert"),
                org.assertj.core.groups.Tuple.tuple("fibonacci(0)", "False", "assert"),
                org.assertj.core.groups.Tuple.tuple("fibonacci(6)", "8", "doctest"));
    }

    @Test
    void codePastedInTheQuestionIsTheProgram() {
        Expectations fenced = ExpectationParser.parse("why is this wrong?\n```python\n" + FIB
                + "```\nfibonacci(5) returns 8 but should be 5", null, null);
        assertThat(fenced.codeFromQuestion()).isTrue();
        assertThat(fenced.code()).isEqualTo(FIB);
        assertThat(only(fenced).call()).isEqualTo("fibonacci(5)");

        Expectations indented = ExpectationParser.parse("my code:\n\n" + FIB.indent(4)
                + "\nfibonacci(5) returns 8 but should be 5", null, "");
        assertThat(indented.code()).isEqualTo(FIB);
        assertThat(only(indented).expected()).isEqualTo("5");

        Expectations oneLiner = ExpectationParser.parse("My loop never stops: i = 0; while i < 10: print(i)", null,
                null);
        assertThat(oneLiner.code()).isEqualTo("i = 0\nwhile i < 10: print(i)\n");
        assertThat(oneLiner.any()).isFalse();
    }

    @Test
    void noExpectationNoCase() {
        assertThat(ExpectationParser.parse("is this right?", null, FIB).any()).isFalse();
        assertThat(ExpectationParser.parse("it doesn't work", null, FIB).any()).isFalse();
        assertThat(ExpectationParser.parse("why does it crash?", null, "print(x)\n").any()).isFalse();
    }

    private static TestCase only(Expectations expectations) {
        assertThat(expectations.cases()).hasSize(1);
        return expectations.cases().get(0);
    }
}
