package dev.learnflow.debug.service;

import dev.learnflow.contracts.answers.Diagnosis;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ProgramDiagnosis.CaseResult;
import dev.learnflow.debug.domain.ProgramDiagnosis.Finding;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.platform.guard.OutputGuard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hints for a program that runs but gives the wrong result (or never stops), from what the diagnosis harness found:
 * level 1 the failing input with expected and actual and a question that makes the student trace it, level 2 the
 * line and what goes wrong there, level 3 the fix in words. Texts live in {@code debug/logic-bugs.properties}.
 */
public final class WrongResultHints {

    static final String TEXTS = "debug/logic-bugs.properties";
    private static final TextResource WORDS = TextResource.properties(TEXTS);
    private static final Pattern PLACEHOLDER = Pattern.compile("(`?)\\{(\\w+)}(`?)");
    /** What a placeholder reads as when the diagnosis has no value for it. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("var", "the variable"),
            Map.entry("function", "the function"), Map.entry("op", "the operator"),
            Map.entry("other", "the other comparison"), Map.entry("value", "its starting value"),
            Map.entry("unchanged", "the variables in its condition"), Map.entry("seq", "the list"),
            Map.entry("direction", "one more or one fewer"), Map.entry("method", "sort"),
            Map.entry("line", "this line"), Map.entry("first_line", "an earlier line"),
            Map.entry("shadowed_line", "a later line"),
            Map.entry("call", "this call"), Map.entry("param", "the input"));

    static final String REPEATED_RECURSION = "repeated_recursive_work";

    private WrongResultHints() {
    }

    /** The kind of answer, as in {@code data.diagnosis.kind}. */
    public static String kind(ProgramDiagnosis diagnosis) {
        CaseResult failing = diagnosis.failingCase();
        if (diagnosis.loop() != null || failing != null && failing.runaway()) {
            return "timeout";
        }
        if (failing == null) {
            return "all_passed";
        }
        return failing.error() != null ? "crash" : "wrong_result";
    }

    /** The category named in the answer and counted in the student's error patterns. */
    public static String category(ProgramDiagnosis diagnosis) {
        if (diagnosis.category() != null) {
            return diagnosis.category();
        }
        return "timeout".equals(kind(diagnosis)) ? "loop_condition_never_changes" : null;
    }

    /**
     * The category, with what only the code shows: a program that does not finish with no loop stuck, whose function
     * calls itself twice and remembers nothing, repeats its own work ({@link RepeatedRecursion}). It ran out of time,
     * not out of stack (that would be a RecursionError), so its base case is reached: "no base case" is not it.
     */
    public static String category(ProgramDiagnosis diagnosis, CodeFacts code) {
        // a category the harness only suspects (no repair of it made the case pass) does not outweigh that
        Finding main = diagnosis.mainFinding();
        boolean suspectedOnly = diagnosis.category() == null || "recursion_no_base_case".equals(diagnosis.category())
                || main == null || !main.repaired();
        if (suspectedOnly
                && (diagnosis.loop() == null || diagnosis.loop().kind() == null)   // no for or while is stuck
                && "timeout".equals(kind(diagnosis))
                && RepeatedRecursion.in(code.text()).isPresent()) {
            return REPEATED_RECURSION;
        }
        return category(diagnosis);
    }

    public static String name(String category) {
        return words(category == null ? "generic" : category, "name");
    }

    public static String habit(String category) {
        return words(category == null ? "generic" : category, "habit");
    }

    /** Hints 1..level (clamped to 1..3). */
    public static List<Hint> hints(ProgramDiagnosis diagnosis, CodeFacts code, int level) {
        int upTo = Math.max(1, Math.min(3, level));
        String category = category(diagnosis, code);
        String key = category == null || !WORDS.has(category + ".ask") ? "generic" : category;
        Map<String, String> values = values(diagnosis, code);
        if (REPEATED_RECURSION.equals(category)) {
            RepeatedRecursion.Found found = RepeatedRecursion.in(code.text()).orElseThrow();
            values.put("function", found.function());
            values.put("line", Integer.toString(found.line()));
            List<Hint> hints = new ArrayList<>(3);
            hints.add(new Hint(1, observedCalls(diagnosis) + " " + fill(words(null, key, "ask"), values)));
            if (upTo >= 2) {
                hints.add(new Hint(2, WORDS.text("where", Map.of("line", values.get("line"))) + " "
                        + fill(words(null, key, "problem"), values)));
            }
            if (upTo >= 3) {
                hints.add(new Hint(3, fill(words(null, key, "fix"), values)));
            }
            return hints;
        }
        // a variant of the category's words for the shape the main finding saw (detail "shape": "grouping")
        Finding main = diagnosis.mainFinding();
        String shape = main == null || main.detail("shape") == null ? null : key + "." + main.detail("shape");
        List<Hint> hints = new ArrayList<>(3);
        hints.add(new Hint(1, observed(diagnosis) + " " + fill(words(shape, key, "ask"), values)));
        if (upTo >= 2) {
            hints.add(new Hint(2, where(diagnosis, code) + fill(words(shape, key, "problem"), values)));
        }
        if (upTo >= 3) {
            hints.add(new Hint(3, fill(words(shape, key, "fix"), values)));
        }
        return hints;
    }

    /** A run that does not finish while no loop is stuck: it keeps calling. */
    private static String observedCalls(ProgramDiagnosis diagnosis) {
        CaseResult failing = diagnosis.failingCase();
        return failing == null || failing.hidden() ? observed(diagnosis)
                : WORDS.text("observed.runaway-calls", Map.of("subject", subject(failing)));
    }

    /** What the failing case shows: "Your call `f(5)` returns `8`, but you expect `5`." */
    static String observed(ProgramDiagnosis diagnosis) {
        CaseResult failing = diagnosis.failingCase();
        if (failing == null) {
            return WORDS.text("observed.never-finishes");
        }
        if (failing.hidden()) {
            return WORDS.text(failing.runaway() ? "observed.hidden-runaway" : "observed.hidden");
        }
        Map<String, String> values = new HashMap<>();
        values.put("subject", subject(failing));
        if (failing.runaway()) {
            return WORDS.text("observed.runaway", values);
        }
        if (failing.error() != null) {
            values.put("error", inline(failing.error()));
            if (failing.expected() == null) {
                return WORDS.text("observed.error", values);
            }
            values.put("expected", inline(failing.expected()));
            return WORDS.text("observed.error-expected", values);
        }
        values.put("actual", failing.actual() == null || failing.actual().isBlank() ? WORDS.text("observed.nothing")
                : inline(failing.actual()));
        if (failing.expected() == null && failing.unwanted() != null) {     // shown and called wrong, nothing wanted
            return WORDS.text(failing.call() != null ? "observed.returns-unwanted" : "observed.prints-unwanted",
                    values);
        }
        values.put("expected", inline(failing.expected()));
        return WORDS.text(failing.call() != null ? "observed.returns" : "observed.prints", values);
    }

    /** "Your call `f(5)`", "With the input `3` your program": what the failing case ran. */
    private static String subject(CaseResult failing) {
        // a call with setup lines is shown by the statement compared: the setup is the student's (or their test's)
        return failing.call() != null ? WORDS.text(TestCase.hasSetup(failing.call())
                        ? "observed.call-after-setup" : "observed.call",
                Map.of("call", inline(TestCase.compared(failing.call()))))
                : failing.stdin() == null || failing.stdin().isBlank() ? WORDS.text("observed.program")
                : WORDS.text("observed.input", Map.of("input", inline(failing.stdin().strip().replace("\n", ", "))));
    }

    private static String where(ProgramDiagnosis diagnosis, CodeFacts code) {
        Integer line = mainLine(diagnosis);
        if (line == null) {
            return "";
        }
        // Named by what kind of statement it is, never quoted whole: a quoted line is one small edit away from
        // its fix ("elif x >= 90:" contains "if x >= 90:").
        return code.line(line).map(String::strip).flatMap(WrongResultHints::statementKind)
                .map(kind -> WORDS.text("where.kind", Map.of("line", line.toString(), "kind", kind)))
                .orElseGet(() -> WORDS.text("where", Map.of("line", line.toString()))) + " ";
    }

    private static final Pattern ASSIGNED = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?:[-+*/%]|//)?=[^=]");
    private static final Pattern DEFINED = Pattern.compile("^def\\s+([A-Za-z_]\\w*)");

    /** "the for loop header", "the condition", "where `total` is assigned": a fragment, never the line. */
    static Optional<String> statementKind(String line) {
        String first = line.split("[\\s(:]", 2)[0];
        String key = switch (first) {
            case "for", "while", "if", "elif", "return", "break", "print" -> first;
            default -> null;
        };
        if (key != null) {
            return Optional.of(WORDS.text("where.kind." + key));
        }
        Matcher def = DEFINED.matcher(line);
        if (def.find()) {
            return Optional.of(WORDS.text("where.kind.def", Map.of("name", inline(def.group(1)))));
        }
        Matcher assigned = ASSIGNED.matcher(line);
        if (assigned.find()) {
            return Optional.of(WORDS.text("where.kind.assign", Map.of("name", inline(assigned.group(1)))));
        }
        return Optional.empty();
    }

    /** The line the answer points at: the main finding's, else the best-ranked one. */
    public static Integer mainLine(ProgramDiagnosis diagnosis) {
        if (!diagnosis.suspicious().isEmpty()) {
            return diagnosis.suspicious().get(0).line();
        }
        Finding main = diagnosis.mainFinding();
        return main == null ? null : main.line();
    }

    static Map<String, String> values(ProgramDiagnosis diagnosis, CodeFacts code) {
        Map<String, String> values = new HashMap<>();
        Finding main = diagnosis.mainFinding();
        if (main != null && main.detail() != null) {
            main.detail().forEach((k, v) -> {
                if (v != null && !k.equals("to") && !k.equals("from") && !k.equals("change")) {
                    values.put(k, v.toString());
                }
            });
            values.put("line", String.valueOf(main.line()));
        }
        Integer line = mainLine(diagnosis);
        if (line != null) {
            values.put("line", String.valueOf(line));
        }
        if (diagnosis.loop() != null && !diagnosis.loop().unchanged().isEmpty()) {
            values.put("unchanged", String.join("`, `", diagnosis.loop().unchanged()));
        } else if (main != null && main.detail("var") != null) {
            values.put("unchanged", main.detail("var"));
        }
        CaseResult failing = diagnosis.failingCase();
        if (failing != null && failing.call() != null && !failing.hidden()) {
            values.put("call", TestCase.compared(failing.call()));
        }
        return values;
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(2));
            String replacement;
            if (value != null && value.length() <= OutputGuard.INLINE_CODE_MAX - 4) {
                replacement = m.group(1) + value.replace("`", "'") + m.group(3);
            } else {
                replacement = DEFAULTS.getOrDefault(m.group(2), "it");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code data.diagnosis} as the tutor contract describes it (hidden tests redacted). */
    public static Diagnosis data(ProgramDiagnosis diagnosis) {
        CaseResult failing = diagnosis.failingCase();
        return new Diagnosis(kind(diagnosis), failing == null ? null : failingCase(failing),
                diagnosis.cases().stream().map(WrongResultHints::caseData).toList(),
                diagnosis.suspicious().stream()
                        .map(s -> new Diagnosis.SuspiciousLine(s.line(), s.score(), s.reason())).toList(),
                category(diagnosis),
                diagnosis.findings().stream()
                        .map(f -> new Diagnosis.Finding(f.category(), f.line(), f.confirmed(), f.message())).toList(),
                failing != null && failing.hidden() ? null : trace(diagnosis.trace()),
                diagnosis.loop() == null ? null
                        : new Diagnosis.Loop(diagnosis.loop().lines(), diagnosis.loop().unchanged()));
    }

    private static Diagnosis.FailingCase failingCase(CaseResult failing) {
        if (failing.hidden()) {
            return new Diagnosis.FailingCase(null, null, null, null, null, true, failing.source(), "a hidden test");
        }
        return new Diagnosis.FailingCase(failing.call(), failing.stdin(), failing.expected(), failing.actual(),
                failing.error(), false, failing.source(), null);
    }

    private static Diagnosis.Case caseData(CaseResult result) {
        boolean hidden = result.hidden();
        return new Diagnosis.Case(hidden ? null : result.call() != null ? result.call() : result.stdin(),
                hidden ? null : result.expected(), hidden ? null : result.actual(), result.passed(), hidden,
                result.source());
    }

    private static Diagnosis.Trace trace(ProgramDiagnosis.Trace trace) {
        if (trace == null) {
            return null;
        }
        return new Diagnosis.Trace(trace.call(), trace.steps() == null ? List.of() : trace.steps().stream()
                .map(s -> new Diagnosis.Step(s.line(), s.depth(), s.locals(), s.returned(), s.event())).toList(),
                trace.truncated());
    }

    static String inline(String text) {
        String flat = text.replace("\n", " ").replace("`", "'").strip();
        String cut = flat.length() > OutputGuard.INLINE_CODE_MAX - 4 ? flat.substring(0, OutputGuard.INLINE_CODE_MAX - 7) + "..."
                : flat;
        return "`" + cut + "`";
    }

    private static String words(String shape, String category, String part) {
        String text = shape == null ? null : WORDS.optional(shape + "." + part);
        return text != null ? text : words(category, part);
    }

    private static String words(String category, String part) {
        String text = WORDS.optional(category + "." + part);
        return text != null ? text : WORDS.text("generic." + part);
    }
}
