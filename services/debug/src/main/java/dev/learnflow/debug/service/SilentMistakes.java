package dev.learnflow.debug.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mistakes that run without an error and leave nothing behind, read off the code's lines when a run finished cleanly
 * and the student stated nothing the harness could check: the result of a string method or a built-in that gives a
 * new value thrown away ({@code s.replace("a", "b")} alone on its line, {@code sorted(nums)}, {@code int(age)}), an
 * {@code or} whose right side is a bare value ({@code colour == "red" or "blue"}, always true), and decimals compared
 * with {@code ==} after arithmetic ({@code 0.1 * 3 == 0.3}). Each note points at the line and asks a question; none
 * says the corrected line (the sentences are in {@code debug/answer-texts.properties}).
 */
final class SilentMistakes {

    /** String methods that give a new string and leave the old one as it was. */
    private static final Pattern STRING_METHOD_DROPPED = Pattern.compile("^\\s*([A-Za-z_][\\w.]*(?:\\[[^\\]]*])?)"
            + "\\.(replace|upper|lower|strip|lstrip|rstrip|title|capitalize|swapcase|casefold|zfill|removeprefix|"
            + "removesuffix|center|ljust|rjust)\\(.*\\)\\s*(?:#.*)?$");
    /** Built-ins whose whole work is the value they give back. */
    private static final Pattern BUILT_IN_DROPPED = Pattern.compile(
            "^\\s*(sorted|reversed|round|abs|int|float|str|list|set|tuple)\\(\\s*([A-Za-z_][\\w.]*)?.*\\)\\s*(?:#.*)?$");
    /** {@code x == "a" or "b"}, {@code n == 1 or 2}: the right side of the or is a value alone. */
    private static final Pattern OR_BARE_VALUE = Pattern.compile("([A-Za-z_][\\w.\\[\\]()]*\\s*(?:==|!=)\\s*"
            + "(\"[^\"]*\"|'[^']*'|-?\\d+(?:\\.\\d+)?))\\s+or\\s+(\"[^\"]*\"|'[^']*'|-?\\d+(?:\\.\\d+)?)(?!\\s*(?:==|!=|<|>|in\\b))");
    private static final Pattern CONDITION_LINE = Pattern.compile("^\\s*(?:if|elif|while)\\b|=\\s*.*\\bor\\b");
    /** A decimal compared with == or != on a line that also calculates. */
    private static final Pattern DECIMAL_EQUALITY = Pattern.compile("(?:==|!=)\\s*-?\\d*\\.\\d+\\b|\\b\\d*\\.\\d+\\s*(?:==|!=)");
    private static final Pattern ARITHMETIC = Pattern.compile("[\\w)\\]]\\s*[-+*/]\\s*[\\w(]");
    /** At most this many notes: the first ones, in line order. */
    private static final int MOST = 2;

    /** One note: the line it is about and its sentence. */
    record Note(int line, String text) {
    }

    private SilentMistakes() {
    }

    static List<Note> notes(String code, TextResource texts) {
        List<Note> notes = new ArrayList<>();
        if (code == null) {
            return notes;
        }
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length && notes.size() < MOST; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String number = Integer.toString(i + 1);
            Matcher m = STRING_METHOD_DROPPED.matcher(line);
            if (m.find()) {
                notes.add(new Note(i + 1, texts.text("silent.string-result-dropped", Map.of("line", number,
                        "call", statement(line), "method", m.group(2), "name", m.group(1)))));
                continue;
            }
            m = BUILT_IN_DROPPED.matcher(line);
            if (m.find()) {
                notes.add(new Note(i + 1, texts.text("silent.built-in-result-dropped", Map.of("line", number,
                        "call", statement(line), "function", m.group(1),
                        "name", m.group(2) == null ? "its argument" : "`" + m.group(2) + "`"))));
                continue;
            }
            m = OR_BARE_VALUE.matcher(line);
            if (CONDITION_LINE.matcher(line).find() && m.find()) {
                notes.add(new Note(i + 1, texts.text("silent.or-bare-value", Map.of("line", number,
                        "condition", m.group(), "left", m.group(1).strip(), "value", m.group(3)))));
                continue;
            }
            if (DECIMAL_EQUALITY.matcher(line).find() && ARITHMETIC.matcher(line).find()) {
                notes.add(new Note(i + 1, texts.text("silent.decimal-equality", Map.of("line", number,
                        "code", statement(line)))));
            }
        }
        return notes;
    }

    private static String statement(String line) {
        String code = line.strip();
        int comment = code.indexOf("  #");
        return comment > 0 ? code.substring(0, comment).strip() : code;
    }
}
