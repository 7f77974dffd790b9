package dev.learnflow.triage.domain;

import java.util.Map;

/**
 * The classifier's verdict.
 *
 * @param intent     the best intent
 * @param confidence probability-like 0..1 (softmax over per-intent similarity), how sure the classifier is
 * @param scores     intent → similarity score (mean of the nearest labelled examples)
 * @param confident  false means: ask the student a clarifying question instead of guessing
 * @param source     {@code embedding}, {@code signal} (a traceback in the text) or {@code llm}
 */
public record Classification(Intent intent, double confidence, Map<Intent, Double> scores, boolean confident,
                             String source) {

    public Intent runnerUp() {
        return scores.entrySet().stream().filter(e -> e.getKey() != intent)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(intent);
    }
}
