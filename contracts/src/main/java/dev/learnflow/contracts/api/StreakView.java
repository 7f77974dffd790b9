package dev.learnflow.contracts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A streak as shown to the student.
 *
 * @param activeToday the student has already done something today (their local day)
 */
@Schema(description = "Daily activity streak")
public record StreakView(
        int current,
        int longest,
        LocalDate lastActiveDay,
        @Schema(example = "Europe/Berlin") String timezone,
        int freezesLeft,
        boolean activeToday) {
}
