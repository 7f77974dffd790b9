package dev.learnflow.debug.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mistakes that run without an error and leave nothing behind, read off the code's lines when a run finished cleanly
 * and the student stated nothing the harness could check: the result of a string method or a built-in that gives a
 * new value thrown away ({@code s.replace("a", "b")} alone on its line, {@code sorted(nums)}, {@code int(age)}), an
 * {@code or} whose right side is a bare value ({@code colour == "red" or "blue"}, always true), a name unequal to one
 * value or another ({@code answer != "quit" or answer != "q"}, always true), and decimals compared
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
    /** A literal value written out: a string in either quotes, or a number. */
    private static final String LITERAL = "(\"[^\"]*\"|'[^']*'|-?\\d+(?:\\.\\d+)?)";
    private static final Pattern OR_BARE_VALUE = Pattern.compile("([A-Za-z_][\\w.\\[\\]()]*\\s*(?:==|!=)\\s*"
            + LITERAL + ")\\s+or\\s+" + LITERAL + "(?!\\s*(?:==|!=|<|>|in\\b))");
    /** {@code answer != "quit" or answer != "q"}: the same name unequal to one value or another, always true. */
    private static final Pattern UNEQUAL_OR_UNEQUAL = Pattern.compile("([A-Za-z_][\\w.\\[\\]()]*)\\s*!=\\s*"
            + LITERAL + "\\s+or\\s+\\1\\s*!=\\s*" + LITERAL);
    private static final Pattern CONDITION_LINE = Pattern.compile("^\\s*(?:if|elif|while)\\b|=\\s*.*\\bor\\b");
    /** A decimal compared with == or != on a line that also calculates. */
    private static final Pattern DECIMAL_EQUALITY = Pattern.compile("(?:==|!=)\\s*-?\\d*\\.\\d+\\b|\\b\\d*\\.\\d+\\s*(?:==|!=)");
    private static final Pattern ARITHMETIC = Pattern.compile("[\\w)\\]]\\s*[-+*/]\\s*[\\w(]");
    private static final Pattern LOOP_HEADER = Pattern.compile("^(\\s*)(for|while)\\b.*:\\s*(?:#.*)?$");
    private static final Pattern BREAK = Pattern.compile("^\\s*break\\s*(?:#.*)?$");
    private static final Pattern ELSE = Pattern.compile("^\\s*else\\s*:");
    private static final Pattern DEF = Pattern.compile("^(\\s*)def\\s+(\\w+)\\s*\\((.*)\\)\\s*(?:->.*)?:\\s*(?:#.*)?$");
    /** A return that hands back a value, or anything that makes the function's end not the only way out. */
    private static final Pattern GIVES_BACK = Pattern.compile("^\\s*(?:return\\s+(?!None\\s*(?:#.*)?$)\\S|yield\\b|"
            + "global\\b|nonlocal\\b)");
    /** {@code counter = 0}, {@code count += 1}: group 1 the name, group 2 the operator, group 3 the value. */
    private static final Pattern REBINDING = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*(=(?!=)|[-+*/]=)\\s*(.+?)\\s*(?:#.*)?$");
    private static final Pattern PLAIN_VALUE = Pattern.compile("-?\\d+(?:\\.\\d+)?|\"[^\"]*\"|'[^']*'");
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
        Map<Integer, String> structural = new java.util.TreeMap<>();
        loopElses(lines, structural, texts);
        reboundParameters(lines, structural, texts);
        for (int i = 0; i < lines.length && notes.size() < MOST; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String number = Integer.toString(i + 1);
            if (structural.containsKey(i)) {
                notes.add(new Note(i + 1, structural.get(i)));
                continue;
            }
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
            m = UNEQUAL_OR_UNEQUAL.matcher(line);
            if (CONDITION_LINE.matcher(line).find() && m.find() && !m.group(2).equals(m.group(3))) {
                notes.add(new Note(i + 1, texts.text("silent.unequal-or-unequal", Map.of("line", number,
                        "condition", m.group(), "name", m.group(1)))));
                continue;
            }
            if (DECIMAL_EQUALITY.matcher(line).find() && ARITHMETIC.matcher(line).find()) {
                notes.add(new Note(i + 1, texts.text("silent.decimal-equality", Map.of("line", number,
                        "code", statement(line)))));
            }
        }
        return notes;
    }

    /**
     * A loop's {@code else} when the loop has no {@code break} of its own: it runs every time the loop ends, also
     * after the loop found what it looked for ("it prints found ben and then also not found").
     */
    private static void loopElses(String[] lines, Map<Integer, String> notes, TextResource texts) {
        for (int i = 0; i < lines.length; i++) {
            Matcher header = LOOP_HEADER.matcher(lines[i]);
            if (!header.find()) {
                continue;
            }
            int indent = CodeFacts.indentOf(lines[i]);
            int end = blockEnd(lines, i, indent);
            if (end < lines.length && CodeFacts.indentOf(lines[end]) == indent && ELSE.matcher(lines[end]).find()
                    && !breaksOwnLoop(lines, i, end)) {
                notes.put(end, texts.text("silent.loop-else-always-runs", Map.of("line", Integer.toString(end + 1),
                        "loop", header.group(2), "loopLine", Integer.toString(i + 1))));
            }
        }
    }

    /** Whether a break between the loop's header and its end belongs to that loop, not to a loop inside it. */
    private static boolean breaksOwnLoop(String[] lines, int header, int end) {
        for (int b = header + 1; b < end; b++) {
            if (!BREAK.matcher(lines[b]).find()) {
                continue;
            }
            // the innermost block around the break that is a loop
            Optional<Integer> loop = enclosing(lines, b, header - 1).stream()
                    .filter(up -> LOOP_HEADER.matcher(lines[up]).find()).findFirst();
            if (loop.isPresent() && loop.get() == header) {
                return true;
            }
        }
        return false;
    }

    /**
     * A parameter given a new value in a function that hands nothing back and never reads it again: the caller's
     * variable is another name and keeps its value ("my function changes the variable but outside it's still the
     * old value").
     */
    private static void reboundParameters(String[] lines, Map<Integer, String> notes, TextResource texts) {
        for (int i = 0; i < lines.length; i++) {
            Matcher def = DEF.matcher(lines[i]);
            if (!def.find()) {
                continue;
            }
            int end = blockEnd(lines, i, def.group(1).length());
            java.util.Set<String> params = new java.util.LinkedHashSet<>();
            for (String param : def.group(3).split(",")) {
                String name = param.split("[:=]")[0].strip();
                if (name.matches("[A-Za-z_]\\w*") && !name.equals("self") && !name.equals("cls")) {
                    params.add(name);
                }
            }
            boolean givesBack = false;
            for (int b = i + 1; b < end; b++) {
                givesBack |= GIVES_BACK.matcher(lines[b]).find();
            }
            if (params.isEmpty() || givesBack) {
                continue;
            }
            for (int b = i + 1; b < end; b++) {
                Matcher m = REBINDING.matcher(lines[b]);
                if (!m.find() || !params.contains(m.group(1))
                        || !m.group(2).equals("=") && !PLAIN_VALUE.matcher(m.group(3)).matches()
                        || readAgain(lines, i, b, end, m.group(1))) {
                    continue;
                }
                notes.put(b, texts.text("silent.parameter-rebound", Map.of("line", Integer.toString(b + 1),
                        "code", statement(lines[b]), "name", m.group(1), "function", def.group(2))));
                break;
            }
        }
    }

    /** Whether the name is read after the line, or anywhere in a loop around it (read again on the next pass). */
    private static boolean readAgain(String[] lines, int def, int line, int end, String name) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
        for (int b = line + 1; b < end; b++) {
            if (word.matcher(lines[b].replaceAll("#.*", "")).find()) {
                return true;
            }
        }
        return enclosing(lines, line, def).stream()
                .anyMatch(up -> LOOP_HEADER.matcher(lines[up]).find() && word.matcher(lines[up]).find());
    }

    /** The header lines of the blocks around a line, innermost first, above line {@code stop}. */
    private static List<Integer> enclosing(String[] lines, int line, int stop) {
        List<Integer> around = new ArrayList<>();
        int threshold = CodeFacts.indentOf(lines[line]);
        for (int up = line - 1; up > stop; up--) {
            if (!lines[up].isBlank() && CodeFacts.indentOf(lines[up]) < threshold) {
                around.add(up);
                threshold = CodeFacts.indentOf(lines[up]);
            }
        }
        return around;
    }

    /** The first line after the block opened on line {@code header} (indented deeper than {@code indent}). */
    private static int blockEnd(String[] lines, int header, int indent) {
        int end = header + 1;
        while (end < lines.length && (lines[end].isBlank() || CodeFacts.indentOf(lines[end]) > indent)) {
            end++;
        }
        return end;
    }

    private static String statement(String line) {
        String code = line.strip();
        int comment = code.indexOf("  #");
        return comment > 0 ? code.substring(0, comment).strip() : code;
    }
}
