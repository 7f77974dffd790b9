package dev.learnflow.debug;

import dev.learnflow.debug.domain.Diagnosis;
import dev.learnflow.debug.domain.ParsedError;
import dev.learnflow.debug.service.CodeFacts;
import dev.learnflow.debug.service.ErrorCatalog;
import dev.learnflow.debug.service.TracebackParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses tracebacks that the machine's python3 really prints for common beginner mistakes (so the parser is
 * tested against Python's own output, not against strings we made up), plus pasted variants.
 */
class TracebackParserTest {

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("NameError", "total = 5\nprint(totl)\n", 2, "total"),
                Arguments.of("TypeError", "age = 5\nprint(\"Age: \" + age)\n", 2, "str()"),
                Arguments.of("TypeError", "def area(w, h):\n    return w * h\n\narea(3)\n", 4, "argument"),
                Arguments.of("TypeError", "for i in 5:\n    print(i)\n", 1, "range"),
                Arguments.of("ValueError", "n = int(\"abc\")\n", 1, "abc"),
                Arguments.of("IndexError", "xs = [1, 2]\nprint(xs[5])\n", 2, "length"),
                Arguments.of("KeyError", "ages = {}\nprint(ages[\"ada\"])\n", 2, "'ada'"),
                Arguments.of("AttributeError", "xs = [3, 1].sort()\nxs.append(1)\n", 2, "None"),
                Arguments.of("ZeroDivisionError", "count = 0\nprint(10 / count)\n", 2, "0"),
                Arguments.of("SyntaxError", "if True\n    print(1)\n", 1, "colon"),
                Arguments.of("SyntaxError", "print(\"hi)\n", 1, "quote"),
                Arguments.of("SyntaxError", "print((1, 2)\n", 1, "closing"),
                Arguments.of("SyntaxError", "print \"hi\"\n", 1, "parentheses"),
                Arguments.of("IndentationError", "def f():\nreturn 1\n", 2, "indented"),
                Arguments.of("IndentationError", "x = 1\n    y = 2\n", 2, "indented more"),
                Arguments.of("TabError", "if True:\n\tx = 1\n        y = 2\n", 3, "tabs"),
                Arguments.of("ModuleNotFoundError", "import numpyy\n", 1, "numpyy"),
                Arguments.of("ImportError", "from math import sqroot\n", 1, "name"),
                Arguments.of("FileNotFoundError", "open(\"missing.txt\")\n", 1, "missing.txt"),
                Arguments.of("RecursionError", "def down(n):\n    return down(n + 1)\n\ndown(0)\n", 2, "base case"),
                Arguments.of("UnboundLocalError", "count = 0\ndef inc():\n    count += 1\ninc()\n", 3, "local"),
                Arguments.of("AssertionError", "assert 1 == 2, \"math broke\"\n", 1, "math broke"),
                Arguments.of("StopIteration", "next(iter([]))\n", 1, "default"),
                Arguments.of("OverflowError", "import math\nmath.exp(1000)\n", 2, "float"),
                Arguments.of("RuntimeError", "d = {1: 1}\nfor k in d:\n    d[k + 1] = 1\n", 2, "copy"),
                Arguments.of("JSONDecodeError", "import json\njson.loads(\"{'a': 1}\")\n", 2, "double quotes"),
                Arguments.of("NotImplementedError", "raise NotImplementedError(\"todo\")\n", 1, "override"),
                Arguments.of("EOFError", "name = input()\n", 1, "input"),
                Arguments.of("UnicodeDecodeError", "b\"\\xff\".decode(\"utf-8\")\n", 1, "encoding"),
                Arguments.of("IsADirectoryError", "open(\".\")\n", 1, "folder"));
    }

    @ParameterizedTest(name = "{0} from python3: {1}")
    @MethodSource("programs")
    void parsesWhatPythonPrints(String type, String code, int line, String diagnosisMentions) {
        String traceback = Python.stderrOf(code);

        ParsedError error = TracebackParser.parse(traceback).orElseThrow(
                () -> new AssertionError("no error found in:\n" + traceback));

        assertThat(error.type()).as(traceback).isEqualTo(type);
        assertThat(error.line()).as(traceback).isEqualTo(line);
        assertThat(ErrorCatalog.KNOWN_TYPES).contains(type);
        Diagnosis diagnosis = ErrorCatalog.diagnose(error, new CodeFacts(code));
        assertThat(diagnosis.problem() + " " + diagnosis.fix() + " " + diagnosis.focus())
                .as("a specific diagnosis for " + type + ": " + error.message())
                .containsIgnoringCase(diagnosisMentions);
    }

    @Test
    void coversAtLeastFifteenExceptionTypesAndSyntaxErrors() {
        Set<String> types = new HashSet<>();
        programs().forEach(a -> types.add((String) a.get()[0]));
        assertThat(types).hasSizeGreaterThanOrEqualTo(15).contains("SyntaxError", "IndentationError", "TabError");
    }

    @Test
    void syntaxErrorCaretGivesTheColumn() {
        String traceback = Python.stderrOf("if True\n    print(1)\n");

        ParsedError error = TracebackParser.parse(traceback).orElseThrow();

        assertThat(error.isSyntaxError()).isTrue();
        assertThat(error.message()).isEqualTo("expected ':'");
        assertThat(error.codeLine()).isEqualTo("if True");
        assertThat(error.column()).as(traceback).isEqualTo(8);
    }

    @Test
    void framesAreReadOutermostFirstAndTheLastOwnFrameIsTheLine() {
        String traceback = Python.stderrOf("def average(xs):\n    return sum(xs) / len(xs)\n\ndef report():\n"
                + "    return average([])\n\nreport()\n");

        ParsedError error = TracebackParser.parse(traceback).orElseThrow();

        assertThat(error.type()).isEqualTo("ZeroDivisionError");
        assertThat(error.frames()).extracting(ParsedError.Frame::function)
                .containsExactly("<module>", "report", "average");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.function()).isEqualTo("average");
        assertThat(error.codeLine()).isEqualTo("return sum(xs) / len(xs)");
    }

    @Test
    void chainedTracebackReportsTheLastException() {
        String traceback = Python.stderrOf("try:\n    int(\"x\")\nexcept ValueError:\n    raise KeyError(\"k\")\n");

        ParsedError error = TracebackParser.parse(traceback).orElseThrow();

        assertThat(traceback).contains("During handling of the above exception");
        assertThat(error.type()).isEqualTo("KeyError");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.frames()).hasSize(1);
    }

    @Test
    void libraryFramesAreSkippedForTheStudentsLine() {
        String traceback = "Traceback (most recent call last):\n"
                + "  File \"main.py\", line 3, in <module>\n    data = json.loads(text)\n"
                + "  File \"/usr/lib/python3.11/json/__init__.py\", line 346, in loads\n"
                + "    return _default_decoder.decode(s)\n"
                + "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n";

        ParsedError error = TracebackParser.parse(traceback).orElseThrow();

        assertThat(error.type()).isEqualTo("JSONDecodeError");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.codeLine()).isEqualTo("data = json.loads(text)");
    }

    @Test
    void bareErrorLinesAndIndentedPastesAreUnderstood() {
        assertThat(TracebackParser.parse("NameError: name 'x' is not defined").orElseThrow().type())
                .isEqualTo("NameError");
        ParsedError pasted = TracebackParser.parse("my code says:\n    Traceback (most recent call last):\n"
                + "      File \"main.py\", line 7, in <module>\n        print(items[3])\n"
                + "    IndexError: list index out of range\nwhat now?").orElseThrow();
        assertThat(pasted.type()).isEqualTo("IndexError");
        assertThat(pasted.line()).isEqualTo(7);
    }

    @Test
    void textWithoutAnErrorIsNotMistakenForOne() {
        assertThat(TracebackParser.parse("my loop prints the wrong total, why?")).isEmpty();
        assertThat(TracebackParser.parse("Error handling is hard")).isEmpty();
        assertThat(TracebackParser.parse(null)).isEmpty();
    }

    @Test
    void misspeltNameIsMatchedToTheDefinedOne() {
        String code = "total = 0\nfor n in [1, 2]:\n    total += n\nprint(totl)\n";
        ParsedError error = TracebackParser.parse(Python.stderrOf(code)).orElseThrow();

        Diagnosis diagnosis = ErrorCatalog.diagnose(error, new CodeFacts(code));

        assertThat(diagnosis.problem()).contains("`totl`").contains("`total`").contains("line 1");
    }
}
