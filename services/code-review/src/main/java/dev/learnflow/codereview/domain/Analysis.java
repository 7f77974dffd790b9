package dev.learnflow.codereview.domain;

import dev.learnflow.codereview.domain.Finding;

import java.util.List;
import java.util.Map;

/**
 * What the review script reported, or why there is no report (the student's program was too big or made the
 * analysis run out of time: a permanent condition, not a reason to retry).
 */
public record Analysis(List<Finding> findings, Map<String, Object> stats, String failure) {

    public static Analysis failed(String reason) {
        return new Analysis(List.of(), Map.of(), reason);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
