package dev.learnflow.codeexecution.service;

import dev.learnflow.contracts.domain.ExecutionError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TracebackParserTest {

    @Test
    void runtimeError() {
        ExecutionError e = TracebackParser.parse("""
                Traceback (most recent call last):
                  File "main.py", line 3, in <module>
                    print(totl)
                          ^^^^
                NameError: name 'totl' is not defined
                """).orElseThrow();
        assertThat(e).isEqualTo(new ExecutionError("NameError", "name 'totl' is not defined", 3));
    }

    @Test
    void lastStudentFrameWinsAndLibraryFramesAreSkipped() {
        ExecutionError e = TracebackParser.parse("""
                Traceback (most recent call last):
                  File "main.py", line 9, in <module>
                    main()
                  File "main.py", line 5, in main
                    json.loads(text)
                  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads
                    return _default_decoder.decode(s)
                json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
                """).orElseThrow();
        assertThat(e.type()).isEqualTo("json.decoder.JSONDecodeError");
        assertThat(e.line()).isEqualTo(5);
    }

    @Test
    void chainedExceptionsReportTheLast() {
        ExecutionError e = TracebackParser.parse("""
                Traceback (most recent call last):
                  File "main.py", line 2, in <module>
                    int('x')
                ValueError: invalid literal for int() with base 10: 'x'

                During handling of the above exception, another exception occurred:

                Traceback (most recent call last):
                  File "main.py", line 4, in <module>
                    raise RuntimeError('wrapped')
                RuntimeError: wrapped
                """).orElseThrow();
        assertThat(e).isEqualTo(new ExecutionError("RuntimeError", "wrapped", 4));
    }

    @Test
    void syntaxErrorWithoutTracebackHeader() {
        ExecutionError e = TracebackParser.parse("""
                  File "main.py", line 2
                    def f(:
                          ^
                SyntaxError: invalid syntax
                """).orElseThrow();
        assertThat(e).isEqualTo(new ExecutionError("SyntaxError", "invalid syntax", 2));
    }

    @Test
    void exceptionWithoutMessageAndMultiLineMessages() {
        assertThat(TracebackParser.parse("""
                Traceback (most recent call last):
                  File "main.py", line 1, in <module>
                    raise KeyboardInterrupt
                KeyboardInterrupt
                """).orElseThrow()).isEqualTo(new ExecutionError("KeyboardInterrupt", "", 1));
        assertThat(TracebackParser.parse("""
                Traceback (most recent call last):
                  File "main.py", line 1, in <module>
                    raise ValueError('a\\nb')
                ValueError: a
                b
                """).orElseThrow().message()).isEqualTo("a\nb");
    }

    @Test
    void noTracebackNoError() {
        assertThat(TracebackParser.parse("just some text on stderr\n")).isEmpty();
        assertThat(TracebackParser.parse("")).isEmpty();
        assertThat(TracebackParser.parse("MemoryError\n").orElseThrow().type()).isEqualTo("MemoryError");
    }
}
