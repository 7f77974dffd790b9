package dev.learnflow.progress.service;

import dev.learnflow.contracts.api.StreakView;
import dev.learnflow.contracts.domain.MasteryLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Answers of the class insights (teacher) and of a student's history (issue 21). */
public final class InsightViews {

    private InsightViews() {
    }

    @Schema(description = "Lower bounds of the mastery levels over P(L), for colouring")
    public record Bands(double developingFrom, double proficientFrom, double masteredFrom) {
    }

    @Schema(description = "A topic as a heatmap column")
    public record TopicColumn(String topicId, String title, String moduleId, String moduleTitle) {
    }

    @Schema(description = "A heatmap row: one student's P(L) per topic, aligned with the columns; null = never"
            + " practised")
    public record HeatmapRow(UUID studentId, String displayName,
                             @Schema(description = "mean over all topics, untouched ones counting 0") double pKnown,
                             List<Double> mastery, List<Integer> attempts, Instant lastActivityAt) {
    }

    @Schema(description = "Students × topics mastery of a class")
    public record Heatmap(UUID teacherId, Bands bands, List<TopicColumn> topics, List<HeatmapRow> students) {
    }

    @Schema(description = "A topic the class is weak on: mean P(L) over the students who started it")
    public record WeakTopic(String topicId, String title, String moduleId, double meanPKnown, MasteryLevel level,
                            int studentsStarted, int studentsBelowDeveloping) {
    }

    @Schema(description = "An error type across the class: count in the recent window, in the window before, trend")
    public record FrequentError(String errorType, long count, long previousCount,
                                @Schema(enumeration = {"new", "up", "down", "same"}) String trend, long students) {
    }

    @Schema(description = "What the class is stuck on: weakest topics and most frequent errors of the window")
    public record ClassSummary(UUID teacherId, int studentCount, int days, Instant from, Instant until,
                               List<WeakTopic> weakestTopics, List<FrequentError> frequentErrors) {
    }

    @Schema(description = "A student without activity for the asked number of days")
    public record InactiveStudent(UUID studentId, String displayName,
                                  @Schema(description = "null: no activity ever") Instant lastActivityAt,
                                  @Schema(description = "null: no activity ever") Long daysInactive) {
    }

    @Schema(description = "A student whose streak broke: no current streak after having one")
    public record BrokenStreak(UUID studentId, String displayName, int longest, LocalDate lastActiveDay) {
    }

    @Schema(description = "Who has gone quiet")
    public record Inactivity(UUID teacherId, int days, Instant asOf, List<InactiveStudent> inactive,
                             List<BrokenStreak> brokenStreaks,
                             @Schema(description = "students whose streak could not be read") int streaksUnknown) {
    }

    @Schema(description = "One event of a student on a topic")
    public record TopicEvent(UUID eventId, String verb, String objectType, String objectId, Boolean success,
                             Double score, String errorType, Instant occurredAt) {
    }

    @Schema(description = "An error type with its count")
    public record ErrorCount(String errorType, long count) {
    }

    @Schema(description = "A student's attempts and errors on one topic (a heatmap cell)")
    public record TopicAttempts(UUID studentId, String topicId, String title, double pKnown, MasteryLevel level,
                                int attempts, int correct, List<TopicEvent> events, List<ErrorCount> errorTypes) {
    }

    @Schema(description = "The module's mastery after an event on one of its topics")
    public record MasteryPoint(Instant at, double pKnown, String topicId, Boolean success) {
    }

    @Schema(description = "A module's mastery over time (mean over its topics, untouched ones counting 0),"
            + " replayed from the student's recorded events")
    public record MasteryHistory(UUID studentId, String moduleId, String title, List<TopicColumn> topics,
                                 List<MasteryPoint> points) {
    }

    @Schema(description = "A local day with activity that counts for the streak")
    public record CalendarDay(LocalDate day, long events) {
    }

    @Schema(description = "Active days of the last weeks, in the student's time zone, and the streak")
    public record StreakCalendar(UUID studentId, String timezone, LocalDate from, LocalDate to,
                                 List<CalendarDay> activeDays, StreakView streak) {
    }
}
