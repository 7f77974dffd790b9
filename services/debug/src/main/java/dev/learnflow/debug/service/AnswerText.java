package dev.learnflow.debug.service;

import dev.learnflow.debug.domain.Diagnosis;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ParsedError;
import dev.learnflow.debug.domain.ProgramDiagnosis;

import java.util.List;
import java.util.Map;

/**
 * The Markdown a student reads; the same facts are in the answer's structured data. The sentences live in
 * {@code debug/answer-texts.properties}; this class only puts them in order.
 */
public final class AnswerText {

    static final String TEXTS_RESOURCE = "debug/answer-texts.properties";
    private static final TextResource TEXTS = TextResource.properties(TEXTS_RESOURCE);
    private static final String[] ORDINALS = TEXTS.text("ordinals").split(",");

    private AnswerText() {
    }

    public static String debug(ParsedError error, Diagnosis diagnosis, List<Hint> hints, long thisWeek,
                               boolean solutionAsked, int level) {
        StringBuilder text = new StringBuilder();
        text.append("**").append(error.type()).append("**");
        if (error.line() != null) {
            text.append(" on line ").append(error.line());
        }
        if (!error.message().isBlank()) {
            text.append(": ").append(error.message().replace("`", "'"));
        }
        text.append("\n\n").append(diagnosis.explanation()).append("\n\n");
        if (thisWeek >= 2) {
            text.append(TEXTS.text("repeat.error", Map.of("ordinal", ordinal(thisWeek), "type", error.type())));
            text.append(thisWeek >= 3 ? " — " + TEXTS.text("repeat.pattern", Map.of("habit", diagnosis.habit())) : ".");
            text.append("\n\n");
        }
        if (solutionAsked) {
            text.append(TEXTS.text("solution-withheld")).append("\n\n");
        }
        for (Hint hint : hints) {
            text.append("**Hint ").append(hint.level()).append(" — ").append(hint.label()).append(":** ")
                    .append(hint.text()).append("\n\n");
        }
        text.append(TEXTS.text(level < 3 ? "still-stuck" : "try-it.crash"));
        return text.toString().strip();
    }

    /** A program that runs but gives the wrong result, or never finishes: the logic-bug hints. */
    public static String wrongResult(String kind, String category, List<Hint> hints, long thisWeek,
                                     boolean solutionAsked, int level) {
        StringBuilder text = new StringBuilder();
        text.append("**").append(TEXTS.text(WrongResultHints.REPEATED_RECURSION.equals(category) ? "title.too-slow"
                : kind.equals("timeout") ? "title.timeout"
                : kind.equals("crash") ? "title.crash" : "title.wrong-result")).append("**");
        if (level >= 2 && category != null) {
            text.append(" — ").append(TEXTS.text("looks-like", Map.of("name", WrongResultHints.name(category))));
        }
        text.append(".\n\n");
        if (thisWeek >= 2 && category != null) {
            text.append(TEXTS.text("repeat.category", Map.of("ordinal", ordinal(thisWeek),
                    "name", WrongResultHints.name(category))));
            text.append(thisWeek >= 3
                    ? " — " + TEXTS.text("repeat.pattern", Map.of("habit", WrongResultHints.habit(category))) : ".");
            text.append("\n\n");
        }
        if (solutionAsked) {
            text.append(TEXTS.text("solution-withheld")).append("\n\n");
        }
        for (Hint hint : hints) {
            text.append("**Hint ").append(hint.level()).append(":** ").append(hint.text()).append("\n\n");
        }
        text.append(TEXTS.text(level < 3 ? "still-stuck" : "try-it.wrong-result"));
        return text.toString().strip();
    }

    /** Every case the student gave behaves as expected when we run it. */
    public static String allPassed(ProgramDiagnosis diagnosis) {
        int count = diagnosis.cases().size();
        return count == 1 ? TEXTS.text("all-passed.one")
                : TEXTS.text("all-passed.many", Map.of("count", Integer.toString(count)));
    }

    /** Level 1 of a crash: the line (quoted) and what to look at on it. */
    static String lookAt(Integer line, String function, String quotedLine, String focus) {
        if (line == null) {
            return TEXTS.text("look.at", Map.of("focus", focus));
        }
        return TEXTS.text("look.at-line", Map.of("line", line.toString(),
                "function", function == null ? "" : TEXTS.text("look.in-function", Map.of("function", function)),
                "code", quotedLine == null ? "" : ", " + quotedLine, "focus", focus));
    }

    /** What stands out in code that ran cleanly ({@link SilentMistakes}), as a paragraph; empty when nothing does. */
    static String silentMistakes(String code) {
        List<SilentMistakes.Note> notes = SilentMistakes.notes(code, TEXTS);
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(TEXTS.text("silent.intro"));
        notes.forEach(n -> text.append(notes.size() == 1 ? " " : "\n- ").append(n.text()));
        return text.toString();
    }

    /** A sentence of the answer texts without placeholders (clarifications, the clean run). */
    static String sentence(String key) {
        return TEXTS.text(key);
    }

    /** A sentence of the answer texts with its placeholders filled. */
    static String sentence(String key, Map<String, String> values) {
        return TEXTS.text(key, values);
    }

    static String ordinal(long n) {
        return n >= 1 && n <= ORDINALS.length ? ORDINALS[(int) n - 1] : n + "th";
    }
}
