package dev.learnflow.progress.domain;

import dev.learnflow.contracts.domain.MasteryLevel;

import java.time.Instant;

/** A snapshot of one topic's mastery (what the progress table mirrors). */
public record TopicProgress(String topicId, double pKnown, MasteryLevel level, int attempts, int correct,
                            Instant lastActivityAt) {
}
