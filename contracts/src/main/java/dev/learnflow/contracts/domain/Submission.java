package dev.learnflow.contracts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Code a student handed in, for review or for grading.
 *
 * @param exerciseId null when the student asks for a review of free-standing code
 * @param language   always {@code python} today; kept so the wire format survives a second language
 */
public record Submission(
        UUID id,
        UUID userId,
        UUID exerciseId,
        String code,
        String language,
        Instant submittedAt) {

    public static final String PYTHON = "python";
}
