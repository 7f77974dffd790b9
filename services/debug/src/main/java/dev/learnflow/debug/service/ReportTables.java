package dev.learnflow.debug.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.debug.service.ExpectationParser.Function;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the test reports autograders print as rows: a table with a header naming its columns ({@code Input |
 * Expected | Got}, {@code Test | Arguments | Expected | Actual | Result}, with or without pipes when a dashed line
 * marks the columns) and one JSON object per test ({@code {"input": [...], "expected": ..., "output": ...}}). Each
 * row is a case: the arguments make the call (or what is typed, for a program that reads input), the expected
 * column what it should give, the actual column what the student's code gave.
 */
final class ReportTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern ARGUMENTS = Pattern.compile("(?i)(?:test\\s*)?(?:inputs?|args?|arguments?|"
            + "calls?|params?|parameters?|given|stdin|typed)");
    private static final Pattern EXPECTED = Pattern.compile("(?i)(?:expected|expect|wanted|want|should be|should "
            + "return|correct|correct answer|answer)(?:\\s+(?:output|value|result|return|answer))?");
    private static final Pattern ACTUAL = Pattern.compile("(?i)(?:got|actual|actually|output|received|returned|"
            + "result|yours?|your (?:output|answer|result|code)|student|you gave|printed)(?:\\s+(?:output|value|"
            + "result))?");
    /** A cell that says how the test went, not what the code gave. */
    private static final Pattern VERDICT = Pattern.compile("(?i)(?:pass(?:ed)?|fail(?:ed)?|ok|x|✓|✗|✔|✘|error|"
            + "wrong|correct|right|timeout|timed out|-+)");
    /** An error's name or a timeout in the actual column: the code gave no value. */
    private static final Pattern NO_VALUE = Pattern.compile("(?i)(?:[A-Z]\\w*(?:Error|Exception)\\b.*|timeout.*|"
            + "timed out.*|crash(?:ed)?.*|exception.*|error.*|n/a|-+|\\(?no output\\)?|\\(?nothing\\)?)");
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s|:+=-]*-{3,}[\\s|:+=-]*$");

    private ReportTables() {
    }

    /** The cases of every table and JSON row in the report; empty when it has none. */
    static List<TestCase> cases(String report, List<Function> functions, boolean readsInput) {
        List<TestCase> cases = new ArrayList<>();
        if (report == null || report.isBlank()) {
            return cases;
        }
        // the function the report is about: the first it names, else the program's only one
        Optional<Function> about = namedIn(report, functions)
                .or(() -> functions.size() == 1 ? Optional.of(functions.get(0)) : Optional.empty());
        String[] lines = report.replace("\r", "").split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            List<String> header = cells(lines[i], lines[i + 1]);
            Columns columns = Columns.of(header);
            if (columns == null || !SEPARATOR.matcher(lines[i + 1]).matches()) {
                continue;
            }
            int row = i + 2;
            for (; row < lines.length && !lines[row].isBlank() && !SEPARATOR.matcher(lines[row]).matches(); row++) {
                List<String> values = cells(lines[row], lines[i + 1]);
                rowCase(values, columns, about, functions, readsInput).ifPresent(cases::add);
            }
            i = row - 1;
        }
        for (String line : lines) {
            jsonRow(line.strip(), about, functions, readsInput).ifPresent(cases::add);
        }
        cases.addAll(callBlocks(lines, functions));
        return cases;
    }

    /** A test's label line: "test_no_tags ....... FAIL", "FAILED", "check 3", "[FAIL]", "Called:", "✗". */
    private static final Pattern LABEL = Pattern.compile("(?i)^[\\s\\[(#*>✗✘-]*(?:(?:test|check|case|example)"
            + "(?:_\\w+)?\\s*#?\\d*(?:\\s*(?:of|/)\\s*\\d+)?\\s*[:.)-]?\\s*|failed|failure|fail|error|wrong|"
            + "called|call|input|running|calling)*[\\s\\]):.-]*");
    private static final Pattern BLOCK_EXPECTED = Pattern.compile("(?i)(?:^|\\b)(?:expected(?:\\s+(?:output|value|"
            + "result|return))?|should (?:be|return|give)|wanted|want)\\s*[:=]?\\s*");
    private static final Pattern BLOCK_ACTUAL = Pattern.compile("(?i)(?:^|\\b)(?:got|actual|received|returned|"
            + "output|your (?:output|answer|code gave)|but (?:got|was|gave|returned))\\s*[:=]?\\s*");

    /**
     * A failed test told in a few lines: the call alone on its line (after a label), then what was expected and
     * what came out ("collect_tags(['#AI'])" / "expected ['ai'] , got ['python', 'fun', 'ai']", or "Expected: 1" /
     * "Received: 7" on lines of their own).
     */
    static List<TestCase> callBlocks(String[] lines, List<Function> functions) {
        List<TestCase> cases = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher label = LABEL.matcher(line);
            String rest = label.lookingAt() ? line.substring(label.end()) : line;
            Matcher call = ExpectationParser.CALL_START.matcher(rest);
            if (!call.lookingAt() || !isOwn(call.group(1), functions)) {
                continue;
            }
            int close = ExpectationParser.balancedEnd(rest, call.end() - 1);
            if (close < 0 || !rest.substring(close + 1).replaceAll("(?i)[.\\s:]|fail(?:ed)?|error|wrong", "")
                    .isEmpty()) {
                continue;
            }
            String expected = null;
            String actual = null;
            for (int j = i + 1; j < lines.length && j <= i + 4 && !lines[j].isBlank(); j++) {
                String next = lines[j].strip();
                Matcher nextLabel = LABEL.matcher(next);
                Matcher nextCall = ExpectationParser.CALL_START.matcher(
                        nextLabel.lookingAt() ? next.substring(nextLabel.end()) : next);
                if (nextCall.lookingAt() && isOwn(nextCall.group(1), functions)) {
                    break;
                }
                Matcher e = BLOCK_EXPECTED.matcher(next);
                if (expected == null && e.lookingAt()) {
                    expected = valueUpTo(next.substring(e.end()));
                    Matcher a = BLOCK_ACTUAL.matcher(next);
                    if (a.find(e.end()) && actual == null) {
                        actual = valueUpTo(next.substring(a.end()));
                    }
                    continue;
                }
                Matcher a = BLOCK_ACTUAL.matcher(next);
                if (actual == null && a.lookingAt()) {
                    actual = valueUpTo(next.substring(a.end()));
                }
            }
            if (expected != null && !expected.isEmpty()) {
                cases.add(TestCase.call(rest.substring(0, close + 1), expected, claimed(actual), "error"));
            }
        }
        return cases;
    }

    /** What the code gave, as the report shows it; null when it shows none (an error's name, a timeout, a dash). */
    private static String claimed(String actual) {
        return actual == null || actual.isEmpty() || NO_VALUE.matcher(actual).matches() ? null : actual;
    }

    private static final Pattern VALUE_STOP = Pattern.compile("(?i)\\s*[,;]\\s*(?:but\\s+)?(?:got|actual|received|"
            + "returned)\\b|\\s+but\\s");

    /** A value written after its label: a literal whole, or the words up to ", got" or the line's end. */
    private static String valueUpTo(String text) {
        String t = text.strip();
        if (!t.isEmpty() && "[({'\"".indexOf(t.charAt(0)) >= 0) {
            int close = "'\"".indexOf(t.charAt(0)) >= 0 ? t.indexOf(t.charAt(0), 1)
                    : ExpectationParser.balancedEnd(t, 0);
            if (close > 0) {
                return t.substring(0, close + 1);
            }
        }
        Matcher stop = VALUE_STOP.matcher(t);
        return (stop.find() ? t.substring(0, stop.start()) : t).strip().replaceAll("[.,;]$", "");
    }

    /** Which column holds the arguments, the expected value and the actual one (-1 when none). */
    private record Columns(int arguments, int expected, int actual) {
        static Columns of(List<String> header) {
            int arguments = -1;
            int expected = -1;
            int actual = -1;
            for (int c = 0; c < header.size(); c++) {
                String name = header.get(c).strip().replaceAll("[*_`]", "").replaceAll("\\s*\\(.*\\)$", "");
                if (expected < 0 && EXPECTED.matcher(name).matches()) {
                    expected = c;
                } else if (actual < 0 && ACTUAL.matcher(name).matches()) {
                    actual = c;
                } else if (arguments < 0 && ARGUMENTS.matcher(name).matches()) {
                    arguments = c;
                }
            }
            return expected < 0 || (arguments < 0 && actual < 0) ? null : new Columns(arguments, expected, actual);
        }
    }

    private static Optional<TestCase> rowCase(List<String> values, Columns columns, Optional<Function> about,
                                              List<Function> functions, boolean readsInput) {
        String expected = cell(values, columns.expected());
        if (expected == null || expected.isEmpty()) {
            return Optional.empty();
        }
        String actual = cell(values, columns.actual());
        String claimed = actual != null && VERDICT.matcher(actual).matches() ? null : claimed(actual);
        // a test's own column may hold the call when there is no arguments column ("1 | f(2) | 4 | 5")
        String arguments = cell(values, columns.arguments());
        if (arguments == null) {
            for (String v : values) {
                Matcher m = ExpectationParser.CALL_START.matcher(v.strip());
                if (m.lookingAt() && isOwn(m.group(1), functions)) {
                    arguments = v.strip();
                }
            }
        }
        if (arguments == null) {
            return Optional.empty();
        }
        Optional<String> call = call(arguments, about, functions);
        if (call.isPresent()) {
            return Optional.of(TestCase.call(call.get(), expected, claimed, "error"));
        }
        if (readsInput) {
            return Optional.of(TestCase.input(typed(arguments), expected, claimed, "error"));
        }
        return Optional.empty();
    }

    /** A JSON object per test: {@code {"input": ["banana", "a"], "expected": [1, 3], "output": [], ...}}. */
    private static Optional<TestCase> jsonRow(String line, Optional<Function> about, List<Function> functions,
                                              boolean readsInput) {
        if (!line.startsWith("{") || !line.endsWith("}")) {
            return Optional.empty();
        }
        JsonNode row;
        try {
            row = JSON.readTree(line);
        } catch (Exception e) {
            return Optional.empty();
        }
        JsonNode arguments = field(row, ARGUMENTS);
        JsonNode expected = field(row, EXPECTED);
        if (arguments == null || expected == null) {
            return Optional.empty();
        }
        JsonNode actual = field(row, ACTUAL);
        String claimed = actual == null || actual.isNull() && !expected.isNull() ? null : python(actual);
        if (arguments.isTextual() && ExpectationParser.CALL_START.matcher(arguments.asText()).lookingAt()) {
            Optional<String> call = call(arguments.asText(), about, functions);
            return call.map(c -> TestCase.call(c, python(expected), claimed, "error"));
        }
        if (about.isPresent()) {
            List<String> args = new ArrayList<>();
            int params = about.get().params().size();
            if (arguments.isArray() && (params != 1 || arguments.size() == 1)) {
                arguments.forEach(a -> args.add(python(a)));
            } else if (arguments.isObject() && arguments.size() == params) {
                arguments.fields().forEachRemaining(f -> args.add(f.getKey() + "=" + python(f.getValue())));
            } else {
                args.add(python(arguments));
            }
            return Optional.of(TestCase.call(about.get().name() + "(" + String.join(", ", args) + ")",
                    python(expected), claimed, "error"));
        }
        if (readsInput && arguments.isTextual()) {
            return Optional.of(TestCase.input(arguments.asText(), python(expected), claimed, "error"));
        }
        return Optional.empty();
    }

    private static JsonNode field(JsonNode row, Pattern names) {
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (names.matcher(f.getKey().replace('_', ' ')).matches()) {
                return f.getValue();
            }
        }
        return null;
    }

    /** A JSON value written as Python writes it. */
    static String python(JsonNode v) {
        if (v == null || v.isNull()) {
            return "None";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        if (v.isTextual()) {
            String s = v.asText().replace("\\", "\\\\").replace("\n", "\\n");
            return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(python(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (v.isObject()) {
            List<String> items = new ArrayList<>();
            v.fields().forEachRemaining(f -> items.add(python(JSON.getNodeFactory().textNode(f.getKey())) + ": "
                    + python(f.getValue())));
            return "{" + String.join(", ", items) + "}";
        }
        return v.asText();
    }

    /** The call a row's arguments make: a call written out, or the function applied to what the cell holds. */
    private static Optional<String> call(String arguments, Optional<Function> about, List<Function> functions) {
        String cell = arguments.strip();
        Matcher m = ExpectationParser.CALL_START.matcher(cell);
        if (m.lookingAt() && isOwn(m.group(1), functions) && balancedCall(cell, m.end() - 1)) {
            return Optional.of(cell);
        }
        if (about.isEmpty() || cell.isEmpty()) {
            return Optional.empty();
        }
        int params = about.get().params().size();
        boolean tuple = cell.startsWith("(") && cell.endsWith(")")
                && ExpectationParser.balancedEnd(cell, 0) == cell.length() - 1;
        String inside = tuple && params != 1 ? cell.substring(1, cell.length() - 1) : cell;
        return Optional.of(about.get().name() + "(" + inside + ")");
    }

    private static boolean balancedCall(String cell, int open) {
        return ExpectationParser.balancedEnd(cell, open) == cell.length() - 1;
    }

    private static boolean isOwn(String name, List<Function> functions) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return functions.stream().anyMatch(f -> f.name().equals(last));
    }

    /** The function the report is about: the first of the student's functions it names. */
    private static Optional<Function> namedIn(String report, List<Function> functions) {
        Function first = null;
        int at = Integer.MAX_VALUE;
        for (Function f : functions) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(f.name()) + "\\b").matcher(report);
            if (m.find() && m.start() < at) {
                at = m.start();
                first = f;
            }
        }
        return Optional.ofNullable(first);
    }

    /** A typed cell: quotes around a whole line typed are the report's, not the student's. */
    private static String typed(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1);
        }
        return s.replace("\\n", "\n");
    }

    private static String cell(List<String> values, int column) {
        return column < 0 || column >= values.size() ? null : values.get(column).strip();
    }

    /**
     * A row's cells: split at the pipes outside strings and brackets, or, for a table without pipes, at the gaps of
     * the dashed line under its header.
     */
    static List<String> cells(String line, String separator) {
        List<String> cells = new ArrayList<>();
        if (line.contains("|")) {
            cells.addAll(ExpectationParser.outsideBrackets(line, '|'));
            if (line.strip().startsWith("|")) {
                cells.remove(0);
            }
            if (line.strip().endsWith("|") && !cells.isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            return cells;
        }
        Matcher dashes = Pattern.compile("[-=]+").matcher(separator);
        List<int[]> spans = new ArrayList<>();
        while (dashes.find()) {
            spans.add(new int[]{dashes.start(), dashes.end()});
        }
        for (int s = 0; s < spans.size(); s++) {
            int from = Math.min(line.length(), spans.get(s)[0]);
            int to = s + 1 < spans.size() ? Math.min(line.length(), spans.get(s + 1)[0]) : line.length();
            cells.add(line.substring(from, to));
        }
        return cells;
    }
}
