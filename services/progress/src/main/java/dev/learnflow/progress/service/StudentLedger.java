package dev.learnflow.progress.service;

import dev.learnflow.contracts.api.StreakView;
import dev.learnflow.progress.domain.Activity;
import dev.learnflow.progress.domain.ActivityEntry;
import dev.learnflow.progress.domain.AppliedEvent;
import dev.learnflow.progress.domain.ErrorEntry;
import dev.learnflow.progress.domain.ErrorStats;
import dev.learnflow.progress.domain.RecordOutcome;
import dev.learnflow.progress.domain.StruggleSignal;
import dev.learnflow.progress.domain.StudentSnapshot;
import dev.learnflow.progress.domain.TopicProgress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The StudentActor's domain: folds activities into mastery (BKT), streak, recent activity, error history and
 * struggle signals. Pure: the actor supplies the state and the time, and saves the state when told it changed.
 */
public final class StudentLedger {

    private final ProgressSettings settings;
    private final Streaks streaks;
    private final StruggleRules struggles;

    public StudentLedger(ProgressSettings settings) {
        this.settings = settings;
        this.streaks = new Streaks(settings.streak());
        this.struggles = new StruggleRules(settings.struggle());
    }

    public ProgressSettings settings() {
        return settings;
    }

    public StudentState newState() {
        StudentState s = new StudentState();
        s.streak = streaks.newStreak();
        return s;
    }

    /**
     * Applies one activity once. A second call with the same event id changes nothing and answers what the first
     * produced. The activity counts at its event time, but never later than {@code now} (a producer's clock
     * running ahead must not open a future day).
     */
    public RecordOutcome record(StudentState s, Activity a, Instant now) {
        AppliedEvent applied = s.appliedEvents.get(a.eventId());
        if (applied != null) {
            return new RecordOutcome(true, topicProgress(s, applied.topicId()), applied.signals());
        }
        Instant at = a.occurredAt() == null || a.occurredAt().isAfter(now) ? now : a.occurredAt();
        if (a.timezone() != null && !a.timezone().isBlank()) {
            s.timezone = Streaks.zone(a.timezone()).getId();
        }
        if (settings.streak().qualifies(a.verb())) {
            streaks.onActivity(s.streak, Streaks.localDay(at, s.timezone));
        }
        streaks.closeDaysBefore(s.streak, today(s, now));

        TopicState topic = null;
        Double before = null;
        Double after = null;
        Boolean graded = a.gradedOutcome();
        if (a.topicId() != null) {
            topic = s.topics.computeIfAbsent(a.topicId(),
                    id -> new TopicState(settings.bkt().forTopic(id).pInit()));
            if (topic.firstActivityAt == null || at.isBefore(topic.firstActivityAt)) {
                topic.firstActivityAt = at;
            }
            if (topic.lastActivityAt == null || at.isAfter(topic.lastActivityAt)) {
                topic.lastActivityAt = at;
            }
            s.currentTopicId = a.topicId();
            if (graded != null) {
                before = topic.pKnown;
                after = Bkt.update(topic.pKnown, graded, settings.bkt().forTopic(a.topicId()));
                applyGraded(topic, graded, before, after, at);
            }
        }
        ActivityEntry entry = new ActivityEntry(a.eventId(), a.verb(), a.objectType(), a.objectId(), a.topicId(),
                graded, a.score(), a.hasError() ? a.errorType().trim() : null, at, before, after);
        append(s.recentActivity, entry, settings.history().recentActivity());
        if (entry.errorType() != null) {
            s.errorTypes.merge(entry.errorType(), new ErrorStats(1, at, at), (old, one) -> old.plus(at));
            append(s.recentErrors, new ErrorEntry(entry.errorType(), a.topicId(), a.objectId(), at),
                    settings.history().recentErrors());
        }
        List<StruggleSignal> signals = struggles.evaluate(s, entry, topic, at);
        s.appliedEvents.put(a.eventId(), new AppliedEvent(now, a.topicId(), signals));
        Iterator<String> oldest = s.appliedEvents.keySet().iterator();
        while (s.appliedEvents.size() > settings.history().rememberedEvents()) {
            oldest.next();
            oldest.remove();
        }
        return new RecordOutcome(false, topicProgress(s, a.topicId()), signals);
    }

    private static void applyGraded(TopicState topic, boolean success, double before, double after, Instant at) {
        topic.pKnown = after;
        topic.attempts++;
        if (success) {
            topic.correct++;
        }
        append(topic.history, new TopicState.MasteryPoint(at, before, after, success), TopicState.HISTORY);
    }

    private static <T> void append(List<T> list, T item, int max) {
        list.add(item);
        while (list.size() > max) {
            list.remove(0);
        }
    }

    /** The student's local day at {@code now}. */
    public LocalDate today(StudentState s, Instant now) {
        return Streaks.localDay(now, s.timezone);
    }

    /** Closes the streak days that ended before {@code today}; true when the state changed. */
    public boolean closeDays(StudentState s, LocalDate today) {
        return streaks.closeDaysBefore(s.streak, today);
    }

    /** When the midnight reminder should next fire, seen from local day {@code today}; empty: no streak to keep. */
    public Optional<Instant> nextDayClose(StudentState s, LocalDate today) {
        return streaks.nextClose(s.streak, today, s.timezone);
    }

    /** Notes when the midnight reminder is due (null: none armed). */
    public void reminderArmed(StudentState s, Instant dueAt) {
        s.streak.reminderDueAt(dueAt);
    }

    public TopicProgress topicProgress(StudentState s, String topicId) {
        TopicState t = topicId == null ? null : s.topics.get(topicId);
        if (t == null) {
            return null;
        }
        return new TopicProgress(topicId, t.pKnown, settings.bands().levelOf(t.pKnown), t.attempts, t.correct,
                t.lastActivityAt);
    }

    public StreakView streak(StudentState s, Instant now) {
        return streaks.view(s.streak, today(s, now), s.timezone);
    }

    public StudentSnapshot snapshot(StudentState s, Instant now) {
        Map<String, TopicProgress> topics = new LinkedHashMap<>();
        s.topics.keySet().forEach(id -> topics.put(id, topicProgress(s, id)));
        List<ActivityEntry> activity = new ArrayList<>(s.recentActivity);
        java.util.Collections.reverse(activity);
        List<ErrorEntry> errors = new ArrayList<>(s.recentErrors);
        java.util.Collections.reverse(errors);
        return new StudentSnapshot(s.timezone, s.currentTopicId, topics, streak(s, now), activity, s.errorTypes,
                errors, now);
    }
}
