package dev.learnflow.progress.service;

import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.progress.domain.ActivityEntry;
import dev.learnflow.progress.domain.ErrorEntry;
import dev.learnflow.progress.domain.StruggleSignal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The struggle rules, evaluated on each recorded activity over sliding windows ending at its event time:
 * <ul>
 *   <li>{@code repeated_error}: the same error type N times within the window;</li>
 *   <li>{@code repeated_failure}: K failed attempts on one exercise or quiz since its last success;</li>
 *   <li>{@code mastery_drop}: P(L) fell by at least a delta below its peak, with failures, within the window;</li>
 *   <li>{@code stuck}: failing on a topic, without a success, for a long time within one window.</li>
 * </ul>
 * Each (topic, reason) fires at most once per cool-down; the cool-down lives in the actor's state.
 */
public final class StruggleRules {

    private final StrugglePolicy policy;

    public StruggleRules(StrugglePolicy policy) {
        this.policy = policy;
    }

    /**
     * Signals for the activity just recorded as {@code entry} (already appended to the state's history), after
     * the cool-down. Records the signals' cool-down in the state.
     */
    List<StruggleSignal> evaluate(StudentState state, ActivityEntry entry, TopicState topic, Instant at) {
        List<StruggleSignal> candidates = new ArrayList<>();
        if (entry.errorType() != null) {
            repeatedError(state, entry, at, candidates);
        }
        if (Boolean.FALSE.equals(entry.success())) {
            repeatedFailure(state, entry, at, candidates);
            if (topic != null) {
                masteryDrop(entry, topic, at, candidates);
                stuck(entry, topic, at, candidates);
            }
        }
        pruneCooldowns(state, at);
        List<StruggleSignal> fired = new ArrayList<>();
        for (StruggleSignal s : candidates) {
            Instant last = state.lastSignals.get(s.cooldownKey());
            if (last != null && Duration.between(last, at).compareTo(policy.cooldown()) < 0) {
                continue;
            }
            state.lastSignals.put(s.cooldownKey(), at);
            fired.add(s);
        }
        return fired;
    }

    private void repeatedError(StudentState state, ActivityEntry entry, Instant at, List<StruggleSignal> out) {
        Instant from = at.minus(policy.repeatedErrorWindow());
        int count = 0;
        Set<String> objects = new LinkedHashSet<>();
        for (int i = state.recentErrors.size() - 1; i >= 0; i--) {
            ErrorEntry e = state.recentErrors.get(i);
            if (e.errorType().equals(entry.errorType()) && !e.at().isBefore(from) && !e.at().isAfter(at)) {
                count++;
                if (e.objectId() != null && objects.size() < 5) {
                    objects.add(e.objectId());
                }
            }
        }
        if (count >= policy.repeatedErrorCount()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("errorType", entry.errorType());
            evidence.put("count", count);
            evidence.put("windowMinutes", policy.repeatedErrorWindow().toMinutes());
            evidence.put("objectIds", List.copyOf(objects));
            AlertSeverity severity = count >= 2 * policy.repeatedErrorCount() ? AlertSeverity.HIGH
                    : AlertSeverity.MEDIUM;
            out.add(new StruggleSignal(entry.topicId(), StruggleReason.REPEATED_ERROR, severity, evidence, at));
        }
    }

    private void repeatedFailure(StudentState state, ActivityEntry entry, Instant at, List<StruggleSignal> out) {
        if (entry.objectId() == null) {
            return;
        }
        Instant from = at.minus(policy.repeatedFailureWindow());
        int failures = 0;
        for (int i = state.recentActivity.size() - 1; i >= 0; i--) {
            ActivityEntry a = state.recentActivity.get(i);
            if (a.occurredAt().isBefore(from) || a.isSuccessOn(entry.objectType(), entry.objectId())) {
                break;
            }
            if (a.isFailureOn(entry.objectType(), entry.objectId())) {
                failures++;
            }
        }
        if (failures >= policy.repeatedFailureAttempts()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("objectType", entry.objectType().value());
            evidence.put("objectId", entry.objectId());
            evidence.put("failures", failures);
            evidence.put("windowMinutes", policy.repeatedFailureWindow().toMinutes());
            AlertSeverity severity = failures >= 2 * policy.repeatedFailureAttempts() ? AlertSeverity.HIGH
                    : AlertSeverity.MEDIUM;
            out.add(new StruggleSignal(entry.topicId(), StruggleReason.REPEATED_FAILURE, severity, evidence, at));
        }
    }

    private void masteryDrop(ActivityEntry entry, TopicState topic, Instant at, List<StruggleSignal> out) {
        Instant from = at.minus(policy.masteryDropWindow());
        double peak = topic.pKnown;
        int failures = 0;
        for (TopicState.MasteryPoint p : topic.history) {
            if (p.at().isBefore(from) || p.at().isAfter(at)) {
                continue;
            }
            peak = Math.max(peak, Math.max(p.before(), p.after()));
            if (!p.success()) {
                failures++;
            }
        }
        double drop = peak - topic.pKnown;
        if (drop >= policy.masteryDropDelta() && failures >= policy.masteryDropMinFailures()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("peakPKnown", round(peak));
            evidence.put("pKnown", round(topic.pKnown));
            evidence.put("drop", round(drop));
            evidence.put("failures", failures);
            evidence.put("windowHours", policy.masteryDropWindow().toHours());
            AlertSeverity severity = drop >= 0.5 ? AlertSeverity.HIGH : AlertSeverity.MEDIUM;
            out.add(new StruggleSignal(entry.topicId(), StruggleReason.MASTERY_DROP, severity, evidence, at));
        }
    }

    private void stuck(ActivityEntry entry, TopicState topic, Instant at, List<StruggleSignal> out) {
        Instant from = at.minus(policy.stuckWindow());
        Instant since = null;
        int failures = 0;
        for (int i = topic.history.size() - 1; i >= 0; i--) {
            TopicState.MasteryPoint p = topic.history.get(i);
            if (p.success() || p.at().isBefore(from)) {
                break;
            }
            if (!p.at().isAfter(at)) {
                failures++;
                since = p.at();
            }
        }
        if (since == null) {
            return;
        }
        Duration stuckFor = Duration.between(since, at);
        if (stuckFor.compareTo(policy.stuckAfter()) >= 0 && failures >= policy.stuckMinFailures()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("since", since.toString());
            evidence.put("minutes", stuckFor.toMinutes());
            evidence.put("failures", failures);
            evidence.put("pKnown", round(topic.pKnown));
            AlertSeverity severity = stuckFor.compareTo(policy.stuckAfter().multipliedBy(2)) >= 0
                    ? AlertSeverity.HIGH : AlertSeverity.MEDIUM;
            out.add(new StruggleSignal(entry.topicId(), StruggleReason.STUCK, severity, evidence, at));
        }
    }

    private void pruneCooldowns(StudentState state, Instant at) {
        Iterator<Map.Entry<String, Instant>> it = state.lastSignals.entrySet().iterator();
        while (it.hasNext()) {
            if (Duration.between(it.next().getValue(), at).compareTo(policy.cooldown()) >= 0) {
                it.remove();
            }
        }
    }

    static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
