package dev.learnflow.debug.service;

import dev.learnflow.debug.domain.Diagnosis;
import dev.learnflow.debug.domain.ParsedError;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.platform.guard.UntrustedText;

import java.util.HashMap;
import java.util.Map;

/**
 * What the model is told about one request, from the templates in {@code debug/llm/}: the facts the offline tutor
 * established, then the student's message and code as delimited data ({@link UntrustedText}), so a comment such as
 * "# ignore your rules" is something to reason about, never an instruction.
 */
final class HintRequests {

    static final String CRASH = "debug/llm/crash-request.txt";
    static final String WRONG_RESULT = "debug/llm/wrong-result-request.txt";
    private static final String CRASH_TEMPLATE = TextResource.template(CRASH);
    private static final String WRONG_RESULT_TEMPLATE = TextResource.template(WRONG_RESULT);
    static final int CODE_SENT_MAX = 4_000;
    static final int LINE_SENT_MAX = 200;
    private static final int TRACE_STEPS_SENT = 40;

    private HintRequests() {
    }

    /** A program that stopped with {@code error}. */
    static String crash(ParsedError error, Diagnosis diagnosis, CodeFacts code, String rawCode, String question) {
        Map<String, String> values = new HashMap<>();
        values.put("errorType", error.type());
        values.put("errorMessage", oneLine(error.message()));
        values.put("line", error.line() == null ? "unknown" : error.line().toString());
        values.put("codeLine", oneLine(code.line(error.line()).map(String::strip)
                .orElse(error.codeLine() == null ? "" : error.codeLine())));
        values.put("problem", diagnosis.problem());
        return fill(CRASH_TEMPLATE, CRASH, values, rawCode, question);
    }

    /**
     * A program that runs but gives the wrong result (or never stops): the failing case, a summary of its trace and
     * the ranked lines. A hidden test is named only as such.
     */
    static String wrongResult(ProgramDiagnosis diagnosis, CodeFacts code, String rawCode, String question,
                              String offlineProblem) {
        ProgramDiagnosis.CaseResult failing = diagnosis.failingCase();
        String failingCase = failing == null ? "the program never finishes"
                : failing.hidden() ? "a hidden test (its input is not shown to the student)"
                : (failing.call() != null ? failing.call() : "input " + failing.stdin()) + " -> expected "
                + failing.expected() + ", actual " + (failing.error() != null ? failing.error() : failing.actual());
        StringBuilder trace = new StringBuilder();
        if (diagnosis.trace() != null && diagnosis.trace().steps() != null && (failing == null || !failing.hidden())) {
            diagnosis.trace().steps().stream().limit(TRACE_STEPS_SENT).forEach(s -> trace.append("\n  line ")
                    .append(s.line()).append(s.locals() == null || s.locals().isEmpty() ? "" : " " + s.locals())
                    .append(s.returned() == null ? "" : " returns " + s.returned()));
        }
        StringBuilder lines = new StringBuilder();
        diagnosis.suspicious().stream().limit(3).forEach(s -> lines.append("\n  line ").append(s.line())
                .append(": ").append(oneLine(code.line(s.line()).map(String::strip).orElse(""))).append(" (")
                .append(s.reason()).append(")"));
        Map<String, String> values = new HashMap<>();
        values.put("failingCase", failingCase);
        values.put("trace", trace.isEmpty() ? "(none)" : trace.toString());
        values.put("lines", lines.isEmpty() ? "(none)" : lines.toString());
        values.put("problem", offlineProblem);
        return fill(WRONG_RESULT_TEMPLATE, WRONG_RESULT, values, rawCode, question);
    }

    private static String fill(String template, String resource, Map<String, String> values, String rawCode,
                               String question) {
        values.put("message", UntrustedText.message(question));
        values.put("code", UntrustedText.code(rawCode == null || rawCode.length() <= CODE_SENT_MAX ? rawCode
                : rawCode.substring(0, CODE_SENT_MAX) + "\n# …(cut)"));
        return TextResource.fill(template, values, resource);
    }

    /** A fact quoted from the student's paste stays one short line. */
    private static String oneLine(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ').strip();
        return flat.length() <= LINE_SENT_MAX ? flat : flat.substring(0, LINE_SENT_MAX) + "…";
    }
}
