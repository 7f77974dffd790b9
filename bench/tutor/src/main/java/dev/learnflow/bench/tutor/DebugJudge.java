package dev.learnflow.bench.tutor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.bench.tutor.LabelledSets.Case;
import dev.learnflow.bench.tutor.LabelledSets.Program;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores the debug answers to one wrong program (hint levels 1–3) against its labels, reading the fields of
 * TUTOR-CONTRACT.md ({@code data.diagnosis}, {@code data.hints}); every field may be missing (today's tutor has
 * none of them), which scores as "not found", never as an error.
 */
final class DebugJudge {

    /** Lines of the fixed variant shorter than this (without spaces) are too generic to call a leak. */
    private static final int MIN_LEAK_CHARS = 6;

    /** What one program's answers got right. {@code leaks} describes each leaked corrected line or code block. */
    record Verdict(Program program, boolean answered, boolean caseFound, boolean firstRight, boolean top3Right,
                   boolean categoryRight, List<String> leaks, String kind, String category, List<Integer> lines,
                   String source) {
    }

    private DebugJudge() {
    }

    /** @param answers the answers at hint levels 1, 2, 3 in that order (null where none came) */
    static Verdict judge(Program p, List<JsonNode> answers) {
        JsonNode diagnosis = null;
        for (JsonNode a : answers) { // level 1's diagnosis, else the first level that has one
            if (a != null && a.path("data").path("diagnosis").isObject()) {
                diagnosis = a.path("data").path("diagnosis");
                break;
            }
        }
        boolean answered = answers.stream().anyMatch(a -> a != null);
        List<Integer> lines = new ArrayList<>();
        boolean caseFound = false;
        String kind = null;
        String category = null;
        if (diagnosis != null) {
            kind = textOrNull(diagnosis.path("kind"));
            category = textOrNull(diagnosis.path("category"));
            for (JsonNode s : diagnosis.path("suspiciousLines")) {
                JsonNode line = s.isObject() ? s.path("line") : s;
                if (line.canConvertToInt()) {
                    lines.add(line.asInt());
                }
            }
            caseFound = matchesFailingCase(diagnosis.path("failingCase"), p);
            if (!caseFound) { // a failing entry of cases[] names it too
                for (JsonNode c : diagnosis.path("cases")) {
                    if (c.path("passed").isBoolean() && !c.path("passed").asBoolean() && matchesFailingCase(c, p)) {
                        caseFound = true;
                        break;
                    }
                }
            }
        }
        boolean first = !lines.isEmpty() && p.bugLines().contains(lines.get(0));
        boolean top3 = lines.stream().limit(3).anyMatch(p.bugLines()::contains);
        boolean categoryRight = category != null && category.equals(p.category());
        List<String> leaks = new ArrayList<>();
        for (int level = 0; level < answers.size(); level++) {
            JsonNode a = answers.get(level);
            if (a != null) {
                leaks.addAll(leaks(p, a, level + 1));
            }
        }
        String source = answers.stream().filter(a -> a != null).map(a -> textOrNull(a.path("data").path("source")))
                .filter(s -> s != null).findFirst().orElse(null);
        return new Verdict(p, answered, caseFound, first, top3, categoryRight, leaks, kind, category,
                List.copyOf(lines), source);
    }

    /** A failing case of the tutor's matches one the program fails on: same call, or same stdin. */
    static boolean matchesFailingCase(JsonNode found, Program p) {
        if (!found.isObject()) {
            return false;
        }
        String call = textOrNull(found.path("call"));
        String stdin = textOrNull(found.path("stdin"));
        for (Case c : p.failingCases()) {
            if (c.call() != null && call != null && code(call).equals(code(c.call()))) {
                return true;
            }
            if (c.stdin() != null && stdin != null && output(stdin).equals(output(c.stdin()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Leaks in one answer: a code block in a hint, or a corrected line (a line of the fixed variant that the buggy
     * program does not have) in a hint or in the answer's text.
     */
    static List<String> leaks(Program p, JsonNode answer, int level) {
        List<String> found = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (JsonNode h : answer.path("data").path("hints")) {
            String t = h.isTextual() ? h.asText() : textOrNull(h.path("text"));
            if (t != null) {
                hints.add(t);
                if (t.contains("```")) {
                    found.add("level " + level + ": code block in a hint");
                }
            }
        }
        List<String> shown = new ArrayList<>(hints);
        shown.add(answer.path("text").asText(""));
        for (String fixedLine : p.fixedOnlyLines()) {
            String squeezed = fixedLine.replaceAll("\\s+", "");
            if (squeezed.length() < MIN_LEAK_CHARS) {
                continue;
            }
            for (String s : shown) {
                if (s.replaceAll("\\s+", "").contains(squeezed)) {
                    found.add("level " + level + ": corrected line `" + fixedLine + "`");
                    break;
                }
            }
        }
        return found;
    }

    /** A call as written, compared without spaces and with one kind of quote. */
    static String code(String s) {
        return s.replaceAll("\\s+", "").replace('"', '\'');
    }

    /** Program output or input compared line by line without trailing blanks. */
    static String output(String s) {
        return s.strip().replace("\r\n", "\n").lines().map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b).orElse("").toLowerCase(Locale.ROOT);
    }

    static String textOrNull(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
