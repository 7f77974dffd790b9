package dev.learnflow.debug.service;

import dev.learnflow.contracts.domain.TestCase;
import dev.learnflow.debug.domain.ProgramDiagnosis.CaseResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a student may learn about a failing hidden test: the kind of input it uses ("an empty list", "a negative
 * number") and how it ended, never its input, expected or actual value. The category is read from the test's
 * literal arguments (or the literals its setup assigns to them) and from a whole program's typed input.
 */
public final class HiddenCaseNotes {

    /** {@code (exec('<setup>'), (<call>))[-1]}: how the exercise service folds a setup into a call. */
    private static final Pattern FOLDED = Pattern.compile("^\\(exec\\(('(?:[^'\\\\]|\\\\.)*')\\), \\((.*)\\)\\)\\[-1]$",
            Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_]\\w*)\\s*=\\s*(.+)$");
    private static final Pattern KEYWORD = Pattern.compile("^([A-Za-z_]\\w*)\\s*=(?!=)\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^[-+]?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?$");
    private static final Pattern ERROR_TYPE = Pattern.compile("^([A-Za-z_][\\w.]*)");
    private static final BigDecimal LARGE = BigDecimal.valueOf(1_000_000);

    private HiddenCaseNotes() {
    }

    /** One sentence per failing hidden test, in test order; {@code results} are index-aligned with {@code tests}. */
    public static List<String> notes(List<TestCase> tests, List<CaseResult> results) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < Math.min(tests.size(), results.size()); i++) {
            CaseResult result = results.get(i);
            if (result.hidden() && !result.passed()) {
                notes.add(note(tests.get(i), result));
            }
        }
        return notes;
    }

    static String note(TestCase test, CaseResult result) {
        String subject = "A hidden test" + category(test).map(c -> " with " + c).orElse("");
        if (result.runaway()) {
            return subject + " does not finish: a loop or a recursion keeps running.";
        }
        if (result.error() != null) {
            Matcher type = ERROR_TYPE.matcher(result.error());
            return subject + (type.find() ? " stops with " + type.group(1) + "." : " stops with an error.");
        }
        return subject + " fails: your result is not the expected one.";
    }

    /** The kind of input the test uses, e.g. "an empty list"; empty when nothing stands out. */
    static Optional<String> category(TestCase test) {
        if (test.call() != null) {
            Map<String, String> assigned = new HashMap<>();
            String call = test.call().strip();
            Matcher folded = FOLDED.matcher(call);
            if (folded.matches()) {
                String setup = folded.group(1);
                for (String line : unquote(setup.substring(1, setup.length() - 1)).split("\n")) {
                    Matcher m = ASSIGNMENT.matcher(line.strip());
                    if (m.matches()) {
                        assigned.put(m.group(1), m.group(2).strip());
                    }
                }
                call = folded.group(2).strip();
            }
            for (String argument : arguments(call)) {
                Matcher keyword = KEYWORD.matcher(argument);
                String value = keyword.matches() ? keyword.group(2).strip() : argument;
                Optional<String> found = literal(assigned.getOrDefault(value, value));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        String stdin = test.stdin() == null ? "" : test.stdin();
        if (stdin.isBlank()) {
            return Optional.of("no input");
        }
        for (String line : stdin.split("\n")) {
            Optional<String> found = NUMBER.matcher(line.strip()).matches() ? literal(line.strip()) : Optional.empty();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> literal(String text) {
        String value = text.strip();
        switch (value) {
            case "[]", "list()" -> {
                return Optional.of("an empty list");
            }
            case "''", "\"\"", "str()" -> {
                return Optional.of("an empty string");
            }
            case "{}", "dict()" -> {
                return Optional.of("an empty dictionary");
            }
            case "set()" -> {
                return Optional.of("an empty set");
            }
            case "()", "tuple()" -> {
                return Optional.of("an empty tuple");
            }
            case "None" -> {
                return Optional.of("None as input");
            }
            default -> {
                // classified below
            }
        }
        if (NUMBER.matcher(value).matches()) {
            BigDecimal number = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
            if (number.signum() == 0) {
                return Optional.of("zero");
            }
            if (number.signum() < 0) {
                return Optional.of("a negative number");
            }
            return number.abs().compareTo(LARGE) >= 0 ? Optional.of("a very large number") : Optional.empty();
        }
        if (value.length() >= 2 && (value.startsWith("'") || value.startsWith("\""))
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            String inside = value.substring(1, value.length() - 1);
            return !inside.isEmpty() && inside.isBlank() ? Optional.of("a string of only spaces") : Optional.empty();
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            List<String> items = split(value.substring(1, value.length() - 1));
            if (items.size() == 1) {
                return Optional.of("a one-element list");
            }
            Set<String> distinct = new HashSet<>(items);
            if (distinct.size() < items.size()) {
                return Optional.of("repeated values in a list");
            }
            return items.stream().anyMatch(i -> literal(i).filter("a negative number"::equals).isPresent())
                    ? Optional.of("negative numbers in a list") : Optional.empty();
        }
        return Optional.empty();
    }

    /** The top-level arguments of the outermost call in {@code call}, e.g. {@code f([1, 2], k=3)} → two. */
    private static List<String> arguments(String call) {
        int open = call.indexOf('(');
        if (open < 0 || !call.endsWith(")")) {
            return List.of();
        }
        return split(call.substring(open + 1, call.length() - 1));
    }

    /** Splits at commas outside brackets and strings; blank parts are dropped. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                default -> {
                    // part of the current argument
                }
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().strip());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    private static String unquote(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\' || i + 1 >= escaped.length()) {
                out.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            out.append(switch (next) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }
}
