package dev.learnflow.progress.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.api.MasteryView;
import dev.learnflow.contracts.api.ProgressView;
import dev.learnflow.contracts.api.StreakView;
import dev.learnflow.contracts.domain.MasteryLevel;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.progress.client.Curriculum;
import dev.learnflow.progress.domain.ActivityEntry;
import dev.learnflow.progress.domain.ErrorEntry;
import dev.learnflow.progress.domain.ErrorStats;
import dev.learnflow.progress.domain.StudentSnapshot;
import dev.learnflow.progress.domain.TopicProgress;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The internal API's answers, and how they are built from actor snapshots and the curriculum. */
public final class ProgressViews {

    private ProgressViews() {
    }

    @Schema(description = "A student's recent activity, newest first")
    public record ActivityView(UUID userId, List<ActivityEntry> items) {
    }

    @Schema(description = "How often a student hit each Python error type")
    public record ErrorHistoryView(UUID userId, List<ErrorTypeCount> errorTypes, List<ErrorEntry> recent) {
    }

    @Schema(description = "One error type with its count")
    public record ErrorTypeCount(String errorType, long count, Instant firstAt, Instant lastAt) {
    }

    @Schema(description = "xAPI statements, newest first; 'more' is the URL of the next page (empty at the end)")
    public record StatementsPage(List<JsonNode> statements, String more) {
    }

    @Schema(description = "A teacher's class: each student's mastery summary and streak")
    public record ClassView(UUID teacherId, int studentCount, List<StudentSummary> students) {
    }

    @Schema(description = "One student of a class")
    public record StudentSummary(UUID studentId, String displayName, String timezone,
                                 @Schema(minimum = "0", maximum = "1") double pKnown, MasteryLevel level,
                                 long topicsTotal, long topicsStarted, long topicsMastered, Instant lastActivityAt,
                                 @Schema(description = "null when the student's actor could not be reached")
                                 StreakView streak,
                                 List<ModuleSummary> modules, List<StruggleSummary> struggling) {
    }

    @Schema(description = "A student's mastery of one module (untouched topics count as 0)")
    public record ModuleSummary(String moduleId, String title, @Schema(minimum = "0", maximum = "1") double pKnown,
                                MasteryLevel level, long topicsTotal, long topicsStarted, long topicsMastered) {
    }

    @Schema(description = "A topic the student is struggling with (from struggling_students)")
    public record StruggleSummary(String topicId, long failures7d, long openAlerts, Instant lastFailureAt) {
    }

    /** Mastery per module and topic; a topic never practised counts as 0 in the means (contract convention). */
    public static ProgressView progress(UUID userId, StudentSnapshot snap, List<Curriculum.ModuleInfo> modules,
                                        MasteryBands bands) {
        List<MasteryView> views = new ArrayList<>();
        double courseSum = 0;
        int courseTopics = 0;
        for (Curriculum.ModuleInfo m : modules) {
            List<MasteryView.TopicMastery> topics = new ArrayList<>();
            double sum = 0;
            for (Curriculum.TopicInfo t : m.topics()) {
                TopicProgress tp = snap.topics().get(t.id());
                double p = tp == null ? 0.0 : tp.pKnown();
                topics.add(new MasteryView.TopicMastery(t.id(), t.title(), p, bands.levelOf(p),
                        tp == null ? 0 : tp.attempts(), tp == null ? 0 : tp.correct(),
                        tp == null ? null : tp.lastActivityAt()));
                sum += p;
            }
            double mean = topics.isEmpty() ? 0.0 : sum / topics.size();
            views.add(new MasteryView(m.id(), m.title(), mean, bands.levelOf(mean), topics));
            courseSum += sum;
            courseTopics += topics.size();
        }
        double overall = courseTopics == 0 ? 0.0 : courseSum / courseTopics;
        return new ProgressView(userId, overall, bands.levelOf(overall), views, snap.streak());
    }

    /**
     * What other services need to pitch an answer: where the student is, P(L) of the topics they touched plus the
     * prior of the current module's untouched topics, and their recent error types.
     */
    public static StudentContext context(StudentSnapshot snap, Curriculum curriculum, BktModel bkt) {
        String topicId = snap.currentTopicId();
        String moduleId = topicId == null ? null
                : curriculum.topic(topicId).map(Curriculum.TopicInfo::moduleId).orElse(null);
        Map<String, Double> mastery = new LinkedHashMap<>();
        if (moduleId != null) {
            curriculum.module(moduleId).ifPresent(m -> m.topics().forEach(t -> mastery.put(t.id(),
                    snap.topics().containsKey(t.id()) ? snap.topics().get(t.id()).pKnown()
                            : bkt.forTopic(t.id()).pInit())));
        }
        snap.topics().forEach((id, tp) -> mastery.put(id, tp.pKnown()));
        Set<String> errors = new LinkedHashSet<>();
        for (ErrorEntry e : snap.recentErrors()) {
            if (errors.size() == 5) {
                break;
            }
            errors.add(e.errorType());
        }
        return new StudentContext(moduleId, topicId, mastery, List.copyOf(errors), List.of());
    }

    public static ActivityView activity(UUID userId, StudentSnapshot snap, int limit) {
        List<ActivityEntry> items = snap.recentActivity();
        return new ActivityView(userId, items.subList(0, Math.min(limit, items.size())));
    }

    public static ErrorHistoryView errors(UUID userId, StudentSnapshot snap) {
        List<ErrorTypeCount> counts = new ArrayList<>();
        for (Map.Entry<String, ErrorStats> e : snap.errorTypes().entrySet()) {
            counts.add(new ErrorTypeCount(e.getKey(), e.getValue().count(), e.getValue().firstAt(),
                    e.getValue().lastAt()));
        }
        counts.sort(Comparator.comparingLong(ErrorTypeCount::count).reversed()
                .thenComparing(ErrorTypeCount::lastAt, Comparator.reverseOrder()));
        return new ErrorHistoryView(userId, counts, snap.recentErrors());
    }
}
