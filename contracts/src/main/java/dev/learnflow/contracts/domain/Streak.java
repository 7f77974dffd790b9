package dev.learnflow.contracts.domain;

import java.time.LocalDate;

/**
 * Consecutive active days. Days are the student's local days (hence the time zone), closed by the StudentActor's
 * midnight reminder; a freeze covers one missed day without breaking the streak.
 *
 * @param lastActiveDay local date of the last day with activity; null before the first activity
 */
public record Streak(
        int current,
        int longest,
        LocalDate lastActiveDay,
        String timezone,
        int freezesLeft) {
}
