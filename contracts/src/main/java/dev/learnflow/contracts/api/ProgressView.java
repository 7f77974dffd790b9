package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.MasteryLevel;
import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A student's whole progress: per-module mastery plus streak.
 *
 * @param pKnown mean over all topics of the course
 */
@Schema(description = "A student's progress across the course")
public record ProgressView(
        UUID userId,
        @Schema(minimum = "0", maximum = "1") double pKnown,
        MasteryLevel level,
        List<MasteryView> modules,
        StreakView streak) {

    public ProgressView {
        modules = Immutables.list(modules);
    }
}
