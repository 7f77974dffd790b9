package dev.learnflow.debug.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * What the diagnosis harness ({@code debug/diagnose.py}) found by running the program's cases under a tracer:
 * per-case results, the failing case's trace, the ranked suspicious lines, confirmed bug findings and, for a
 * program that never stops, its loop.
 *
 * @param failing index into {@code cases} of the case the answer is about; null when all passed
 * @param error   why nothing ran (a SyntaxError in the program), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramDiagnosis(List<CaseResult> cases, Integer failing, Trace trace, List<Finding> findings,
                               List<SuspiciousLine> suspicious, String category, Loop loop, String error) {

    public ProgramDiagnosis {
        cases = cases == null ? List.of() : cases;
        findings = findings == null ? List.of() : findings;
        suspicious = suspicious == null ? List.of() : suspicious;
    }

    public CaseResult failingCase() {
        return failing == null || failing < 0 || failing >= cases.size() ? null : cases.get(failing);
    }

    /** The finding behind {@code category} (the first one of that category), if any. */
    public Finding mainFinding() {
        return category == null ? null
                : findings.stream().filter(f -> f.category().equals(category)).findFirst().orElse(null);
    }

    /**
     * @param unwanted what the student showed the program giving and called wrong, without saying what it should
     *                 give (then {@code expected} is null): the case fails while the program still gives it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseResult(String call, String stdin, String expected, String actual, boolean passed, String error,
                             boolean hidden, String source, boolean runaway, String printed, Integer errorLine,
                             String unwanted) {

        public CaseResult(String call, String stdin, String expected, String actual, boolean passed, String error,
                          boolean hidden, String source, boolean runaway, String printed, Integer errorLine) {
            this(call, stdin, expected, actual, passed, error, hidden, source, runaway, printed, errorLine, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trace(String call, List<Step> steps, boolean truncated) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(int line, int depth, Map<String, String> locals, String returned, String event) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String category, int line, boolean confirmed, boolean repaired, String message,
                          double prior, Map<String, Object> detail) {

        public String detail(String key) {
            Object value = detail == null ? null : detail.get(key);
            return value == null ? null : value.toString();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SuspiciousLine(int line, double score, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Loop(List<Integer> lines, List<String> unchanged, int header, String kind) {
    }
}
