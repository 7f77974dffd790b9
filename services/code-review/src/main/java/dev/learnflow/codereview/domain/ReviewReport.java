package dev.learnflow.codereview.domain;

import dev.learnflow.contracts.answers.Provenance;

import java.util.List;
import java.util.Map;

/**
 * The outcome of reviewing one program.
 *
 * @param score      0..100; 100 means no finding
 * @param analysed   false when the program could not be analysed (too long, analysis ran out of time)
 * @param provenance where the words came from: {@code source} (offline, llm or mixed) and the model-written parts
 *                   the output guard {@code replaced}, with reasons
 */
public record ReviewReport(List<Finding> findings, int score, String summary, boolean analysed,
                           Map<String, Object> stats, Provenance provenance) {

    public ReviewReport {
        findings = List.copyOf(findings);
        stats = stats == null ? Map.of() : Map.copyOf(stats);
        provenance = provenance == null ? Provenance.offline() : provenance;
    }

    public ReviewReport(List<Finding> findings, int score, String summary, boolean analysed,
                        Map<String, Object> stats) {
        this(findings, score, summary, analysed, stats, Provenance.offline());
    }

    public String source() {
        return provenance.source();
    }

    public ReviewReport worded(List<Finding> wordedFindings, String wordedSummary, Provenance from) {
        return new ReviewReport(wordedFindings, score, wordedSummary, analysed, stats, from);
    }
}
