package dev.learnflow.contracts.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A student's standing on one topic, as the progress service stores it.
 *
 * @param pKnown       Bayesian Knowledge Tracing estimate that the student knows the topic, 0..1
 * @param masteryLevel {@link MasteryLevel#of(double)} of {@code pKnown}, stored so it can be queried and indexed
 * @param attempts     graded attempts (exercises and quizzes) on this topic
 * @param correct      of those, how many were right
 */
@Schema(description = "A student's mastery of one topic")
public record Progress(
        UUID userId,
        String topicId,
        @Schema(minimum = "0", maximum = "1") double pKnown,
        MasteryLevel masteryLevel,
        int attempts,
        int correct,
        Instant lastActivityAt) {
}
