package dev.learnflow.codeexecution.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PyLiteralTest {

    private static boolean eq(String a, String b) throws Exception {
        return PyValue.pyEquals(PyLiteral.parse(a), PyLiteral.parse(b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "5|5.0", "1|True", "0|False", "0.0|-0.0", "1_000|1000", "0x1f|31", "0o17|15", "0b101|5",
            "1e3|1000", "'ab'|\"ab\"", "'a' 'b'|'ab'", "r'\\n'|'\\\\n'", "'\\x41\\u00e9\\N{LATIN SMALL LETTER E WITH ACUTE}'|'Aéé'",
            "b'\\x00a'|b'\\0a'", "[1, 2]|[1,2,]", "(1,)|1,", "()|( )", "{1: 'a', True: 'b'}|{1: 'b'}",
            "{1, 2, 3}|{3, 2, 1}", "set()|set( )", "{'a': [1, (2, 3)]}|{'a': [1.0, (2, 3)]}", "1+2j|(1+2j)",
            "2j|0+2j", "-5|-5.0", "...|...", "None|None",
            "9007199254740992|9007199254740992.0", "1e999|1e999",
            "{'cy': -1}|{'cy':-1.0}", "{'a':  +2.5, 'b': -3}|{'b': -3, 'a': 2.5}", "[ -1, - 2]|[-1,-2]",
            "{-1: 'x'}|{ -1 : 'x'}", "(1, -2j)|(1, -2j)"})
    void equalAsPythonSaysSo(String a, String b) throws Exception {
        assertThat(eq(a, b)).as(a + " == " + b).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[1, 2]|(1, 2)", "'1'|1", "b'a'|'a'", "None|0", "{1: 2}|{1: 3}", "{1, 2}|{1, 2, 3}", "1.5|1",
            "9007199254740993|9007199254740992.0", "12345678901234567890123|12345678901234567890123.0", "[1, [2]]|[1, [3]]", "'a'|'A'", "set()|{}"})
    void notEqual(String a, String b) throws Exception {
        assertThat(eq(a, b)).as(a + " != " + b).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "os.system('id')", "f'{x}'", "1 + 2", "[1, 2", "{[1]: 2}", "{[1]}", "--1",
            "'abc", "b'é'", "1__0", "0123", "print(1)", "[1] * 3", "lambda: 1", "{**a}", "True + 1j"})
    void rejectsWhatLiteralEvalRejects(String text) {
        assertThatThrownBy(() -> PyLiteral.parse(text)).isInstanceOf(PyLiteral.LiteralException.class);
    }

    @Test
    void tripleQuotedStringsSpanLines() throws Exception {
        assertThat(eq("'''tri\nple'''", "'tri\\nple'")).isTrue();
    }

    @Test
    void deepNestingIsBounded() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> PyLiteral.parse(deep)).isInstanceOf(PyLiteral.LiteralException.class);
    }

    @Test
    void hugeIntegersAreRefusedLikeCPython() {
        assertThatThrownBy(() -> PyLiteral.parse("9".repeat(5_000)))
                .isInstanceOf(PyLiteral.LiteralException.class);
        assertThat(PyLiteral.isLiteral("-0x" + "f".repeat(3_000))).isTrue();
    }
}
