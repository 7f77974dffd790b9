package dev.learnflow.codereview.domain;

import java.util.List;
import java.util.Map;

/**
 * The outcome of reviewing one program.
 *
 * @param score     0..100; 100 means no finding
 * @param analysed  false when the program could not be analysed (too long, analysis ran out of time)
 * @param narrative LLM-written feedback on top of the findings; null without an LLM or when it failed
 */
public record ReviewReport(List<Finding> findings, int score, String summary, String narrative, boolean analysed,
                           Map<String, Object> stats) {

    public ReviewReport {
        findings = List.copyOf(findings);
        stats = stats == null ? Map.of() : Map.copyOf(stats);
    }

    public ReviewReport withNarrative(String text) {
        return new ReviewReport(findings, score, summary, text, analysed, stats);
    }
}
