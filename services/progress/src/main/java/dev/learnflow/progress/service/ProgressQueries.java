package dev.learnflow.progress.service;

import dev.learnflow.contracts.api.ProgressView;
import dev.learnflow.contracts.api.StreakView;
import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.platform.clients.UserDirectoryClient;
import dev.learnflow.progress.client.ClassReports;
import dev.learnflow.progress.client.Curriculum;
import dev.learnflow.progress.client.EventLog;
import dev.learnflow.progress.domain.StudentSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Answers the read routes. A student's own data comes from their read model ({@link StudentReads}: the actor's
 * state as stored with the recorded events, streak days that ended closed as of now); class reports come from the
 * reporting views plus each student's streak.
 */
@ApplicationScoped
public class ProgressQueries {

    @Inject
    StudentReads reads;
    @Inject
    ClassStreaks classStreaks;
    @Inject
    Curriculum curriculum;
    @Inject
    ProgressSettings settings;
    @Inject
    ClassReports reports;
    @Inject
    UserDirectoryClient users;
    @Inject
    EventLog eventLog;

    public StudentSnapshot snapshot(UUID studentId) {
        return reads.snapshot(studentId);
    }

    public ProgressView progress(UUID studentId) {
        return ProgressViews.progress(studentId, snapshot(studentId), curriculum.modules(), settings.bands());
    }

    public StreakView streak(UUID studentId) {
        return snapshot(studentId).streak();
    }

    public ProgressViews.ActivityView activity(UUID studentId, int limit) {
        return ProgressViews.activity(studentId, snapshot(studentId), limit);
    }

    public ProgressViews.ErrorHistoryView errors(UUID studentId) {
        return ProgressViews.errors(studentId, snapshot(studentId));
    }

    public StudentContext context(UUID studentId) {
        return ProgressViews.context(snapshot(studentId), curriculum, settings.bkt());
    }

    public List<EventLog.StoredStatement> statements(UUID studentId, EventLog.Page page) {
        return eventLog.ofStudent(studentId, page);
    }

    public List<EventLog.StoredStatement> classStatements(UUID teacherId, EventLog.Page page) {
        List<UUID> students = classOf(teacherId).stream().map(UserFacts::id).toList();
        return students.isEmpty() ? List.of() : eventLog.ofStudents(students, page);
    }

    /** The class as the gateway knows it now (the teacher was checked before, so absent means empty). */
    private List<UserFacts> classOf(UUID teacherId) {
        return users.studentsOf(teacherId).orElse(List.of());
    }

    /** The teacher's students with mastery (from user_progress_summary), struggles and streaks. */
    public ProgressViews.ClassView classOverview(UUID teacherId) {
        List<UserFacts> students = classOf(teacherId);
        Function<UUID, StreakView> streaks = classStreaks.start(students, "class");
        Map<UUID, List<ClassReports.ModuleRow>> modules = new LinkedHashMap<>();
        reports.moduleSummaries(teacherId).forEach(r -> modules.computeIfAbsent(r.studentId(),
                k -> new ArrayList<>()).add(r));
        Map<UUID, List<ProgressViews.StruggleSummary>> struggles = new HashMap<>();
        reports.struggling(teacherId).forEach(r -> struggles.computeIfAbsent(r.studentId(), k -> new ArrayList<>())
                .add(new ProgressViews.StruggleSummary(r.topicId(), r.failures7d(), r.openAlerts(),
                        r.lastFailureAt())));
        List<ProgressViews.StudentSummary> out = new ArrayList<>();
        for (UserFacts s : students) {
            out.add(summary(s, modules.getOrDefault(s.id(), List.of()), struggles.getOrDefault(s.id(), List.of()),
                    streaks.apply(s.id())));
        }
        return new ProgressViews.ClassView(teacherId, out.size(), out);
    }

    private ProgressViews.StudentSummary summary(UserFacts s, List<ClassReports.ModuleRow> rows,
                                                 List<ProgressViews.StruggleSummary> struggling, StreakView streak) {
        List<ProgressViews.ModuleSummary> modules = new ArrayList<>();
        long total = 0;
        long started = 0;
        long mastered = 0;
        double sum = 0;
        java.time.Instant last = null;
        for (ClassReports.ModuleRow r : rows) {
            // avg_p_known averages the topics with a progress row; untouched topics count as 0 here.
            double moduleSum = r.avgPKnown() == null ? 0.0 : r.avgPKnown() * r.topicsStarted();
            double modulePKnown = r.topicsTotal() == 0 ? 0.0 : moduleSum / r.topicsTotal();
            modules.add(new ProgressViews.ModuleSummary(r.moduleId(), r.moduleTitle(), modulePKnown,
                    settings.bands().levelOf(modulePKnown), r.topicsTotal(), r.topicsStarted(), r.topicsMastered()));
            total += r.topicsTotal();
            started += r.topicsStarted();
            mastered += r.topicsMastered();
            sum += moduleSum;
            if (r.lastActivityAt() != null && (last == null || r.lastActivityAt().isAfter(last))) {
                last = r.lastActivityAt();
            }
        }
        double pKnown = total == 0 ? 0.0 : sum / total;
        return new ProgressViews.StudentSummary(s.id(), s.displayName(), s.timezone(), pKnown,
                settings.bands().levelOf(pKnown), total, started, mastered, last, streak, modules, struggling);
    }
}
