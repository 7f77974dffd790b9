package dev.learnflow.debug.service;

import dev.learnflow.debug.domain.Diagnosis;
import dev.learnflow.debug.domain.ParsedError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-words knowledge of the Python errors beginners meet, specialised by the message and by the student's code
 * (a misspelt name is named, the line it should match is pointed at). This class decides which text applies and
 * with which facts; the texts live in {@code debug/error-catalog.properties}. Every text describes; none of it
 * contains corrected code, only short inline names and operators.
 */
public final class ErrorCatalog {

    static final String TEXTS_RESOURCE = "debug/error-catalog.properties";
    private static final TextResource TEXTS = TextResource.properties(TEXTS_RESOURCE);
    private static final String[] FIELDS = {"explanation", "focus", "problem", "fix", "habit"};

    /** The exception types with their own entry (SyntaxError variants are told apart by message). */
    public static final Set<String> KNOWN_TYPES = Set.of(
            "NameError", "UnboundLocalError", "TypeError", "ValueError", "IndexError", "KeyError", "AttributeError",
            "ZeroDivisionError", "SyntaxError", "IndentationError", "TabError", "ModuleNotFoundError", "ImportError",
            "FileNotFoundError", "RecursionError", "AssertionError", "StopIteration", "OverflowError", "RuntimeError",
            "PermissionError", "IsADirectoryError", "UnicodeDecodeError", "NotImplementedError", "JSONDecodeError",
            "EOFError", "MemoryError", "KeyboardInterrupt", "FileExistsError");
    /** Types whose entry needs no facts from the message or the code. */
    private static final Set<String> FIXED_TEXT_TYPES = Set.of("ZeroDivisionError", "TabError", "ImportError",
            "FileExistsError", "RecursionError", "StopIteration", "OverflowError", "PermissionError",
            "IsADirectoryError", "UnicodeDecodeError", "NotImplementedError", "EOFError", "MemoryError",
            "KeyboardInterrupt");

    private ErrorCatalog() {
    }

    public static Diagnosis diagnose(ParsedError error, CodeFacts code) {
        String m = error.message();
        if (FIXED_TEXT_TYPES.contains(error.type())) {
            return entry(error.type(), Map.of());
        }
        return switch (error.type()) {
            case "NameError" -> nameError(m, error, code);
            case "UnboundLocalError" -> entry("UnboundLocalError",
                    Map.of("name", group(m, "local variable '([^']+)'").orElse("the variable")));
            case "TypeError" -> typeError(m);
            case "ValueError" -> valueError(m);
            case "IndexError" -> indexError(m);
            case "KeyError" -> entry("KeyError", Map.of("key", m.isBlank() ? text("KeyError.unnamed-key") : m));
            case "AttributeError" -> attributeError(m);
            case "AssertionError" -> entry("AssertionError", Map.of("detail", m.isBlank() ? "."
                    : fill(text("AssertionError.problem-detail"), Map.of("m", quote(m)))));
            case "JSONDecodeError" -> entry("JSONDecodeError", Map.of("detail", m.isBlank() ? ""
                    : fill(text("JSONDecodeError.problem-detail"), Map.of("message", m))));
            case "SyntaxError" -> syntaxError(m, error);
            case "IndentationError" -> indentationError(m);
            case "ModuleNotFoundError" -> entry("ModuleNotFoundError", Map.of("module",
                    group(m, "No module named '([^']+)'").orElse(text("ModuleNotFoundError.unnamed-module"))));
            case "FileNotFoundError" -> entry("FileNotFoundError", Map.of("path",
                    group(m, "No such file or directory: (.+)$").orElse(text("FileNotFoundError.unnamed-path"))));
            case "RuntimeError" -> entry(m.contains("changed size during iteration") ? "RuntimeError.changed-size"
                    : "RuntimeError.other", Map.of("m", quote(m)));
            default -> generic(error);
        };
    }

    /** Not a Python exception: the sandbox stopped a run that did not finish in time. */
    public static Diagnosis timeout() {
        return entry("Timeout", Map.of());
    }

    private static Diagnosis nameError(String message, ParsedError error, CodeFacts code) {
        String name = group(message, "name '([^']+)' is not defined").orElse(null);
        if (name == null) {
            return generic(error);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", name);
        Optional<String> suggestion = code.similarDefinedName(name)
                .or(() -> group(message, "Did you mean: '([^']+)'\\?"));
        if (suggestion.isPresent()) {
            String other = suggestion.get();
            facts.put("other", other);
            facts.put("where", code.definitionLine(other)
                    .map(l -> fill(text("NameError.typo.where"), Map.of("line", String.valueOf(l)))).orElse(""));
            return entry("NameError.typo", facts);
        }
        Optional<Integer> definedAt = code.definitionLine(name);
        if (definedAt.isPresent() && error.line() != null && definedAt.get() > error.line()) {
            facts.put("line", String.valueOf(error.line()));
            facts.put("definedAt", String.valueOf(definedAt.get()));
            return entry("NameError.later", facts);
        }
        if (definedAt.isPresent()) {
            return entry("NameError.scope", facts);
        }
        if (Set.of("true", "false", "none", "null").contains(name.toLowerCase(Locale.ROOT))) {
            return entry("NameError.constant", facts);
        }
        return entry("NameError.unknown", facts);
    }

    private static Diagnosis typeError(String m) {
        Matcher concat = Pattern.compile("can only concatenate (\\w+) \\(not \"(\\w+)\"\\) to (\\w+)").matcher(m);
        if (concat.find()) {
            return entry("TypeError.concat", Map.of("joined", concat.group(1), "added", concat.group(2)));
        }
        Matcher operand = Pattern.compile("unsupported operand type\\(s\\) for ([^:]+): '(\\w+)' and '(\\w+)'")
                .matcher(m);
        if (operand.find()) {
            String tip = m.contains("'NoneType'") ? text("TypeError.operand.none-tip")
                    : m.contains("'str'") ? text("TypeError.operand.str-tip") : "";
            return entry("TypeError.operand", Map.of("op", operand.group(1).strip(), "left", operand.group(2),
                    "right", operand.group(3), "tip", tip));
        }
        Matcher notCallable = Pattern.compile("'(\\w+)' object is not callable").matcher(m);
        if (notCallable.find()) {
            return entry("TypeError.not-callable", Map.of("valueType", notCallable.group(1)));
        }
        Matcher notSubscriptable = Pattern.compile("'(\\w+)' object is not subscriptable").matcher(m);
        if (notSubscriptable.find()) {
            String type = notSubscriptable.group(1);
            String why = type.equals("NoneType") ? text("TypeError.not-subscriptable.none-why")
                    : type.equals("function") || type.equals("builtin_function_or_method")
                    ? text("TypeError.not-subscriptable.function-why") : "";
            return entry("TypeError.not-subscriptable", Map.of("valueType", type, "why", why));
        }
        Matcher missing = Pattern.compile("(\\w+)\\(\\) missing (\\d+) required positional arguments?: (.+)")
                .matcher(m);
        if (missing.find()) {
            return entry("TypeError.missing-argument", Map.of("function", missing.group(1), "count",
                    missing.group(2), "names", missing.group(3)));
        }
        Matcher takes = Pattern.compile("(\\w+)\\(\\) takes (\\d+) positional arguments? but (\\d+) (?:was|were) given")
                .matcher(m);
        if (takes.find()) {
            boolean self = Integer.parseInt(takes.group(3)) == Integer.parseInt(takes.group(2)) + 1;
            return entry("TypeError.argument-count", Map.of("function", takes.group(1), "accepted", takes.group(2),
                    "given", takes.group(3), "selfNote", self ? text("TypeError.argument-count.self-note") : "",
                    "selfFix", self ? text("TypeError.argument-count.self-fix") : "."));
        }
        Matcher notIterable = Pattern.compile("'(\\w+)' object is not iterable").matcher(m);
        if (notIterable.find()) {
            String type = notIterable.group(1);
            Diagnosis d = entry("TypeError.not-iterable", Map.of("valueType", type,
                    "intTip", type.equals("int") ? text("TypeError.not-iterable.int-tip") : ""));
            return type.equals("int") ? new Diagnosis(d.explanation(), d.focus(), d.problem(),
                    text("TypeError.not-iterable.int-fix"), d.habit()) : d;
        }
        if (m.contains("indices must be integers")) {
            return entry("TypeError.index-type", Map.of());
        }
        if (m.startsWith("unhashable type")) {
            return entry("TypeError.unhashable", Map.of("valueType", m.replaceFirst("unhashable type: ", "")));
        }
        return entry("TypeError.other", Map.of("m", quote(m)));
    }

    private static Diagnosis valueError(String m) {
        Matcher literal = Pattern.compile("invalid literal for (int|float)\\(\\)(?: with base \\d+)?: (.*)")
                .matcher(m);
        if (literal.find()) {
            boolean decimal = literal.group(1).equals("int") && literal.group(2).contains(".");
            return entry("ValueError.literal", Map.of("conversion", literal.group(1), "text", literal.group(2),
                    "decimalTip", decimal ? text("ValueError.literal.decimal-tip") : ""));
        }
        Matcher unpack = Pattern.compile("(too many|not enough) values to unpack \\(expected (\\d+)(?:, got (\\d+))?\\)")
                .matcher(m);
        if (unpack.find()) {
            String got = unpack.group(3) != null ? unpack.group(3) : unpack.group(1).equals("too many")
                    ? text("ValueError.unpack.more") : text("ValueError.unpack.fewer");
            return entry("ValueError.unpack", Map.of("expected", unpack.group(2), "got", got));
        }
        return byMessage(m, "ValueError", List.of(Map.entry("not in list", "ValueError.not-in-list"),
                Map.entry("math domain error", "ValueError.math-domain")));
    }

    private static Diagnosis indexError(String m) {
        String what = m.startsWith("string") ? "string" : m.startsWith("tuple") ? "tuple" : "list";
        return entry(m.contains("pop from empty") ? "IndexError.pop" : "IndexError.range", Map.of("what", what));
    }

    private static Diagnosis attributeError(String m) {
        Matcher none = Pattern.compile("'NoneType' object has no attribute '(\\w+)'").matcher(m);
        if (none.find()) {
            return entry("AttributeError.none", Map.of("attribute", none.group(1)));
        }
        Matcher module = Pattern.compile("module '([\\w.]+)' has no attribute '(\\w+)'").matcher(m);
        if (module.find()) {
            return entry("AttributeError.module", Map.of("module", module.group(1), "attribute", module.group(2)));
        }
        Matcher obj = Pattern.compile("'(\\w+)' object has no attribute '(\\w+)'").matcher(m);
        if (obj.find()) {
            String type = obj.group(1);
            String attribute = obj.group(2);
            String tip = switch (attribute) {
                case "push", "add" -> type.equals("list") ? "list-grows-tip" : null;
                case "length", "size", "len" -> "len-tip";
                case "append" -> type.equals("str") ? "str-append-tip" : type.equals("dict") ? "dict-append-tip"
                        : null;
                default -> null;
            };
            return entry("AttributeError.object", Map.of("valueType", type, "attribute", attribute,
                    "tip", tip == null ? "" : text("AttributeError.object." + tip)));
        }
        return entry("AttributeError.other", Map.of("m", quote(m)));
    }

    private static Diagnosis syntaxError(String m, ParsedError error) {
        String at = error.column() != null
                ? fill(text("SyntaxError.at-column"), Map.of("column", String.valueOf(error.column())))
                : text("SyntaxError.at-line");
        Map<String, String> facts = Map.of("at", at, "message", m);
        if (m.startsWith("expected ':'")) {
            return entry("SyntaxError.colon", facts);
        }
        if (m.contains("was never closed")) {
            return entry("SyntaxError.unclosed", Map.of("bracket", group(m, "'(.)' was never closed")
                    .orElse(text("SyntaxError.unclosed.unnamed-bracket"))));
        }
        if (m.startsWith("unmatched") || m.startsWith("closing parenthesis")) {
            return entry("SyntaxError.unmatched", facts);
        }
        if (m.contains("unterminated string") || m.contains("EOL while scanning")
                || m.contains("unterminated triple-quoted")) {
            return entry("SyntaxError.string", facts);
        }
        if (m.contains("Maybe you meant '==' or ':='") || m.contains("cannot assign to")
                && m.contains("Maybe you meant '=='")) {
            return entry("SyntaxError.assign-in-condition", facts);
        }
        if (m.startsWith("cannot assign to")) {
            return entry("SyntaxError.assign-target", Map.of("target", m.replaceFirst("cannot assign to ", "")));
        }
        if (m.contains("Missing parentheses in call to 'print'")) {
            return entry("SyntaxError.print", facts);
        }
        if (m.contains("Perhaps you forgot a comma")) {
            return entry("SyntaxError.comma", facts);
        }
        if (m.contains("unexpected EOF") || m.contains("incomplete input")) {
            return entry("SyntaxError.eof", facts);
        }
        if (m.contains("invalid character")) {
            return entry("SyntaxError.character", facts);
        }
        return entry("SyntaxError.other", Map.of("at", at,
                "reason", m.isBlank() ? text("SyntaxError.other.unnamed-reason") : quote(m)));
    }

    private static Diagnosis indentationError(String m) {
        if (m.startsWith("expected an indented block")) {
            String after = group(m, "after '(\\w+)' statement on line (\\d+)").orElse(null);
            return entry("IndentationError.expected", Map.of("after", after == null ? ""
                    : fill(text("IndentationError.expected.after"), Map.of("statement", after))));
        }
        return byMessage(m, "IndentationError", List.of(Map.entry("unexpected indent", "IndentationError.unexpected"),
                Map.entry("unindent does not match", "IndentationError.unindent")));
    }

    /**
     * The entry of the first part of Python's message found in {@code m} (part to entry id, in order), else
     * {@code <type>.other}, which quotes the message.
     */
    private static Diagnosis byMessage(String m, String type, List<Map.Entry<String, String>> entryByPart) {
        for (Map.Entry<String, String> known : entryByPart) {
            if (m.contains(known.getKey())) {
                return entry(known.getValue(), Map.of());
            }
        }
        return entry(type + ".other", Map.of("m", quote(m)));
    }

    private static Diagnosis generic(ParsedError error) {
        String m = error.message();
        Map<String, String> facts = Map.of("type", error.type(), "m", quote(m));
        return entry("Generic", Map.of("type", error.type(), "m", quote(m),
                "because", m.isBlank() ? text("Generic.because-unknown") : fill(text("Generic.because-message"), facts),
                "detail", m.isBlank() ? text("Generic.detail-none") : fill(text("Generic.detail-message"), facts)));
    }

    /**
     * The diagnosis stored under {@code id}, its placeholders filled from {@code facts}. A field the entry does not
     * have comes from its parent id ({@code TypeError.concat.explanation} falls back to {@code TypeError.explanation}).
     */
    private static Diagnosis entry(String id, Map<String, String> facts) {
        String[] values = new String[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            values[i] = fill(field(id, FIELDS[i]), facts);
        }
        return new Diagnosis(values[0], values[1], values[2], values[3], values[4]);
    }

    private static String field(String id, String field) {
        for (String at = id; ; at = at.substring(0, at.lastIndexOf('.'))) {
            String value = TEXTS.optional(at + "." + field);
            if (value != null) {
                return value;
            }
            if (at.indexOf('.') < 0) {
                throw new IllegalStateException(TEXTS_RESOURCE + " has no " + field + " for " + id);
            }
        }
    }

    private static String text(String key) {
        return TEXTS.text(key);
    }

    private static String fill(String template, Map<String, String> facts) {
        return TextResource.fill(template, facts, TEXTS_RESOURCE);
    }

    private static Optional<String> group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String quote(String message) {
        return "\"" + message.replace("`", "'") + "\"";
    }
}
