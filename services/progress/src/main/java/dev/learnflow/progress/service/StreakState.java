package dev.learnflow.progress.service;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Streak bookkeeping in the student's local days. Every day up to {@code closedThrough} has been judged (active,
 * frozen or missed); later days are still open.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StreakState {

    static final int FROZEN_DAYS_KEPT = 30;

    int current;
    int longest;
    LocalDate lastActiveDay;
    LocalDate closedThrough;
    int freezesLeft;
    List<LocalDate> frozenDays = new ArrayList<>();
    /** When the armed midnight reminder is due (null: none armed). */
    Instant reminderDueAt;

    public int current() {
        return current;
    }

    public int longest() {
        return longest;
    }

    public LocalDate lastActiveDay() {
        return lastActiveDay;
    }

    public LocalDate closedThrough() {
        return closedThrough;
    }

    public int freezesLeft() {
        return freezesLeft;
    }

    public List<LocalDate> frozenDays() {
        return List.copyOf(frozenDays);
    }

    public Instant reminderDueAt() {
        return reminderDueAt;
    }

    void reminderDueAt(Instant dueAt) {
        this.reminderDueAt = dueAt;
    }
}
