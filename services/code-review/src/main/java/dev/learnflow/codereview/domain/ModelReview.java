package dev.learnflow.codereview.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A review's parts as the model wrote them (its JSON reply): a summary and, per numbered finding, a friendlier
 * message and suggestion. Only candidates: every part still passes the output guard before it is published.
 */
public record ModelReview(String summary, List<Part> findings) {

    @JsonCreator
    public ModelReview(@JsonProperty(value = "summary", required = true) String summary,
                       @JsonProperty("findings") List<Part> findings) {
        this.summary = summary;
        this.findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** The model's words for finding number {@code index} (1-based, as the prompt numbers them). */
    public record Part(@JsonProperty(value = "index", required = true) int index,
                       @JsonProperty("message") String message,
                       @JsonProperty("suggestion") String suggestion) {
    }

    /** The schema beyond types: a summary, and indexes that name findings the prompt listed. */
    public boolean fits(int findingCount) {
        return summary != null && findings.stream().allMatch(p -> p.index() >= 1 && p.index() <= findingCount);
    }

    public Part forFinding(int index) {
        return findings.stream().filter(p -> p.index() == index).findFirst().orElse(null);
    }
}
