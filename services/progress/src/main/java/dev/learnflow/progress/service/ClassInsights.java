package dev.learnflow.progress.service;

import dev.learnflow.contracts.api.StreakView;
import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.platform.clients.UserDirectoryClient;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.progress.client.Curriculum;
import dev.learnflow.progress.client.EventLog;
import dev.learnflow.progress.client.InsightRows;
import dev.learnflow.progress.domain.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The teacher's class at a glance (heatmap, summary, inactivity, export) and a student's history (a topic's
 * attempts, mastery over time, active days). Class rosters come from the gateway; the numbers from the tables
 * this service writes, through {@link InsightRows}; streaks from the students' actors.
 */
@ApplicationScoped
public class ClassInsights {

    private static final int WEAKEST_TOPICS = 5;
    private static final int FREQUENT_ERRORS = 8;
    private static final int TOPIC_EVENTS = 50;

    @Inject
    InsightRows rows;
    @Inject
    Curriculum curriculum;
    @Inject
    ProgressSettings settings;
    @Inject
    UserDirectoryClient users;
    @Inject
    ClassStreaks classStreaks;
    @Inject
    Clock clock;

    /** The class as the gateway lists it now (the teacher was checked before, so absent means empty). */
    public List<UserFacts> classOf(UUID teacherId) {
        return users.studentsOf(teacherId).orElse(List.of());
    }

    /** The class's events within the page's time bounds, newest first, at most the page's limit. */
    public List<InsightRows.EventRow> classEvents(List<UUID> students, EventLog.Page page) {
        return rows.classEvents(students, page.since(), page.until(), page.limit());
    }

    public List<EventLog.StoredStatement> timeline(UUID studentId, InsightRows.TimelineFilter filter) {
        return rows.timeline(studentId, filter);
    }

    public InsightViews.Heatmap heatmap(UUID teacherId) {
        List<UserFacts> students = classOf(teacherId);
        List<InsightViews.TopicColumn> columns = columns(curriculum.modules());
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            column.put(columns.get(i).topicId(), i);
        }
        Map<UUID, Double[]> mastery = new HashMap<>();
        Map<UUID, Integer[]> attempts = new HashMap<>();
        Map<UUID, Instant> last = new HashMap<>();
        if (!students.isEmpty()) {
            for (InsightRows.MasteryRow r : rows.mastery(students.stream().map(UserFacts::id).toList())) {
                Integer at = column.get(r.topicId());
                if (at == null) {
                    continue; // a topic no longer in the course
                }
                mastery.computeIfAbsent(r.userId(), k -> new Double[columns.size()])[at] = r.pKnown();
                attempts.computeIfAbsent(r.userId(), k -> zeros(columns.size()))[at] = r.attempts();
                if (r.lastActivityAt() != null) {
                    last.merge(r.userId(), r.lastActivityAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        List<InsightViews.HeatmapRow> out = new ArrayList<>(students.size());
        for (UserFacts s : students) {
            Double[] m = mastery.getOrDefault(s.id(), new Double[columns.size()]);
            double sum = 0;
            for (Double v : m) {
                sum += v == null ? 0 : v;
            }
            out.add(new InsightViews.HeatmapRow(s.id(), s.displayName(), columns.isEmpty() ? 0 : sum / columns.size(),
                    java.util.Arrays.asList(m), List.of(attempts.getOrDefault(s.id(), zeros(columns.size()))),
                    last.get(s.id())));
        }
        return new InsightViews.Heatmap(teacherId, bands(), columns, out);
    }

    public InsightViews.ClassSummary summary(UUID teacherId, int days) {
        List<UserFacts> students = classOf(teacherId);
        List<UUID> ids = students.stream().map(UserFacts::id).toList();
        Instant until = clock.instant();
        Instant from = until.minus(Duration.ofDays(days));
        if (ids.isEmpty()) {
            return new InsightViews.ClassSummary(teacherId, 0, days, from, until, List.of(), List.of());
        }
        return new InsightViews.ClassSummary(teacherId, ids.size(), days, from, until, weakestTopics(ids),
                frequentErrors(ids, from.minus(Duration.ofDays(days)), from, until));
    }

    /** Topics with the lowest mean P(L) over the students who started them (untouched topics say nothing yet). */
    private List<InsightViews.WeakTopic> weakestTopics(List<UUID> ids) {
        Map<String, double[]> byTopic = new LinkedHashMap<>(); // sum, started, below developing
        for (InsightRows.MasteryRow r : rows.mastery(ids)) {
            double[] acc = byTopic.computeIfAbsent(r.topicId(), k -> new double[3]);
            acc[0] += r.pKnown();
            acc[1]++;
            if (r.pKnown() < settings.bands().developingFrom()) {
                acc[2]++;
            }
        }
        List<InsightViews.WeakTopic> out = new ArrayList<>();
        byTopic.forEach((topicId, acc) -> curriculum.topic(topicId).ifPresent(t -> {
            double mean = acc[0] / acc[1];
            out.add(new InsightViews.WeakTopic(topicId, t.title(), t.moduleId(), mean,
                    settings.bands().levelOf(mean), (int) acc[1], (int) acc[2]));
        }));
        out.sort(Comparator.comparingDouble(InsightViews.WeakTopic::meanPKnown)
                .thenComparing(Comparator.comparingInt(InsightViews.WeakTopic::studentsStarted).reversed())
                .thenComparing(InsightViews.WeakTopic::topicId));
        return out.size() > WEAKEST_TOPICS ? List.copyOf(out.subList(0, WEAKEST_TOPICS)) : out;
    }

    private List<InsightViews.FrequentError> frequentErrors(List<UUID> ids, Instant before, Instant from,
                                                           Instant until) {
        List<InsightViews.FrequentError> out = new ArrayList<>();
        for (InsightRows.ErrorTypeRow r : rows.errorTypes(ids, before, from, until)) {
            if (r.recent() == 0) {
                continue; // only last window's errors: nothing recent to report
            }
            out.add(new InsightViews.FrequentError(r.errorType(), r.recent(), r.before(),
                    trend(r.recent(), r.before()), r.students()));
            if (out.size() == FREQUENT_ERRORS) {
                break;
            }
        }
        return out;
    }

    static String trend(long recent, long before) {
        if (before == 0) {
            return "new";
        }
        return recent > before ? "up" : recent < before ? "down" : "same";
    }

    public InsightViews.Inactivity inactivity(UUID teacherId, int days) {
        List<UserFacts> students = classOf(teacherId);
        Instant now = clock.instant();
        Function<UUID, StreakView> streaks = classStreaks.start(students, "inactivity");
        Map<UUID, Instant> last = students.isEmpty() ? Map.of()
                : rows.lastActivity(students.stream().map(UserFacts::id).toList());
        Instant threshold = now.minus(Duration.ofDays(days));
        List<InsightViews.InactiveStudent> inactive = new ArrayList<>();
        List<InsightViews.BrokenStreak> broken = new ArrayList<>();
        int unknown = 0;
        for (UserFacts s : students) {
            Instant at = last.get(s.id());
            if (at == null || at.isBefore(threshold)) {
                inactive.add(new InsightViews.InactiveStudent(s.id(), s.displayName(), at,
                        at == null ? null : Duration.between(at, now).toDays()));
            }
            StreakView streak = streaks.apply(s.id());
            if (streak == null) {
                unknown++;
            } else if (streak.current() == 0 && streak.longest() > 0) {
                broken.add(new InsightViews.BrokenStreak(s.id(), s.displayName(), streak.longest(),
                        streak.lastActiveDay()));
            }
        }
        // Longest silence first; never active last (they may simply be new).
        inactive.sort(Comparator.comparing(InsightViews.InactiveStudent::lastActivityAt,
                Comparator.nullsLast(Comparator.naturalOrder())));
        broken.sort(Comparator.comparingInt(InsightViews.BrokenStreak::longest).reversed()
                .thenComparing(InsightViews.BrokenStreak::displayName));
        return new InsightViews.Inactivity(teacherId, days, now, inactive, broken, unknown);
    }

    public InsightViews.TopicAttempts topicAttempts(UUID studentId, String topicId) {
        Curriculum.TopicInfo topic = curriculum.topic(topicId)
                .orElseThrow(() -> ApiException.notFound("Topic " + topicId));
        InsightRows.MasteryRow row = rows.mastery(studentId, topicId);
        List<InsightRows.EventRow> events = rows.eventsOnTopic(studentId, topicId, TOPIC_EVENTS);
        Map<String, Long> errors = new LinkedHashMap<>();
        List<InsightViews.TopicEvent> out = new ArrayList<>();
        for (InsightRows.EventRow e : events) {
            out.add(new InsightViews.TopicEvent(e.id(), e.verb(), e.objectType(), e.objectId(), e.success(),
                    e.score(), e.errorType(), e.occurredAt()));
            if (e.errorType() != null && !e.errorType().isBlank()) {
                errors.merge(e.errorType(), 1L, Long::sum);
            }
        }
        List<InsightViews.ErrorCount> errorCounts = errors.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new InsightViews.ErrorCount(e.getKey(), e.getValue())).toList();
        double pKnown = row == null ? 0.0 : row.pKnown();
        return new InsightViews.TopicAttempts(studentId, topicId, topic.title(), pKnown,
                settings.bands().levelOf(pKnown), row == null ? 0 : row.attempts(), row == null ? 0 : row.correct(),
                out, errorCounts);
    }

    /**
     * A module's mastery over time, replayed from the student's recorded events with the actor's own rules (a
     * topic starts at its prior when first touched, each graded event is one BKT update), so the last point equals
     * the module mastery the progress page shows.
     */
    public InsightViews.MasteryHistory masteryHistory(UUID studentId, String moduleId) {
        Curriculum.ModuleInfo module = curriculum.module(moduleId)
                .orElseThrow(() -> ApiException.notFound("Module " + moduleId));
        List<String> topicIds = module.topics().stream().map(Curriculum.TopicInfo::id).toList();
        Map<String, Double> known = new HashMap<>();
        List<InsightViews.MasteryPoint> points = new ArrayList<>();
        for (InsightRows.EventRow e : rows.eventsOnTopicsInOrder(studentId, topicIds)) {
            boolean firstTouch = !known.containsKey(e.topicId());
            known.putIfAbsent(e.topicId(), settings.bkt().forTopic(e.topicId()).pInit());
            Boolean graded = graded(e);
            if (graded != null) {
                known.put(e.topicId(), Bkt.update(known.get(e.topicId()), graded,
                        settings.bkt().forTopic(e.topicId())));
            }
            if (graded != null || firstTouch) {
                double sum = known.values().stream().mapToDouble(Double::doubleValue).sum();
                points.add(new InsightViews.MasteryPoint(e.occurredAt(), sum / topicIds.size(), e.topicId(),
                        graded));
            }
        }
        return new InsightViews.MasteryHistory(studentId, module.id(), module.title(), columns(List.of(module)),
                points);
    }

    private static Boolean graded(InsightRows.EventRow e) {
        Verb verb;
        try {
            verb = Verb.fromString(e.verb());
        } catch (RuntimeException unknownVerb) {
            return null;
        }
        return new Activity(e.id().toString(), verb, null, e.objectId(), e.topicId(), e.success(), e.score(),
                e.errorType(), e.occurredAt(), null).gradedOutcome();
    }

    /** Days with streak-qualifying activity in the student's zone, the last {@code weeks} weeks up to today. */
    public InsightViews.StreakCalendar calendar(UserFacts student, int weeks, StreakView streak) {
        ZoneId zone = zone(student.timezone());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = today.minusWeeks(weeks).plusDays(1);
        List<String> verbs = settings.streak().qualifyingVerbs().stream().map(Verb::value).sorted().toList();
        List<InsightViews.CalendarDay> days = rows.activeDays(student.id(), zone.getId(),
                        from.atStartOfDay(zone).toInstant(), verbs).stream()
                .filter(d -> !d.day().isAfter(today))
                .map(d -> new InsightViews.CalendarDay(d.day(), d.events())).toList();
        return new InsightViews.StreakCalendar(student.id(), zone.getId(), from, today, days, streak);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id == null ? "UTC" : id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private InsightViews.Bands bands() {
        MasteryBands b = settings.bands();
        return new InsightViews.Bands(b.developingFrom(), b.proficientFrom(), b.masteredFrom());
    }

    private static List<InsightViews.TopicColumn> columns(List<Curriculum.ModuleInfo> modules) {
        List<InsightViews.TopicColumn> out = new ArrayList<>();
        for (Curriculum.ModuleInfo m : modules) {
            for (Curriculum.TopicInfo t : m.topics()) {
                out.add(new InsightViews.TopicColumn(t.id(), t.title(), m.id(), m.title()));
            }
        }
        return out;
    }

    private static Integer[] zeros(int n) {
        Integer[] a = new Integer[n];
        java.util.Arrays.fill(a, 0);
        return a;
    }
}
