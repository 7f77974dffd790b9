package dev.learnflow.progress.client;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A teacher's class from the reporting views {@code user_progress_summary} and {@code struggling_students}. */
@ApplicationScoped
public class ClassReports {

    /** One student × module row of {@code user_progress_summary}. */
    public record ModuleRow(UUID studentId, String moduleId, int modulePosition, String moduleTitle, long topicsTotal,
                            long topicsStarted, long topicsMastered, Double avgPKnown, Instant lastActivityAt) {
    }

    /** One student × topic row of {@code struggling_students}. */
    public record StruggleRow(UUID studentId, String topicId, long failures7d, long openAlerts,
                              Instant lastFailureAt) {
    }

    @Inject
    Pool pool;

    public List<ModuleRow> moduleSummaries(UUID teacherId) {
        var rows = pool.preparedQuery("""
                        select student_id, module_id, module_position, module_title, topics_total, topics_started,
                               topics_mastered, avg_p_known, last_activity_at
                        from user_progress_summary where teacher_id = $1
                        order by student_id, module_position
                        """)
                .execute(Tuple.of(teacherId)).await().atMost(Db.TIMEOUT);
        List<ModuleRow> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new ModuleRow(r.getUUID("student_id"), r.getString("module_id"), r.getInteger("module_position"),
                    r.getString("module_title"), r.getLong("topics_total"), r.getLong("topics_started"),
                    r.getLong("topics_mastered"), r.getDouble("avg_p_known"),
                    Db.instant(r.getOffsetDateTime("last_activity_at"))));
        }
        return out;
    }

    public List<StruggleRow> struggling(UUID teacherId) {
        var rows = pool.preparedQuery("""
                        select student_id, topic_id, failures_7d, open_alerts, last_failure_at
                        from struggling_students where teacher_id = $1
                        order by student_id, last_failure_at desc nulls last, topic_id
                        """)
                .execute(Tuple.of(teacherId)).await().atMost(Db.TIMEOUT);
        List<StruggleRow> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new StruggleRow(r.getUUID("student_id"), r.getString("topic_id"), r.getLong("failures_7d"),
                    r.getLong("open_alerts"), Db.instant(r.getOffsetDateTime("last_failure_at"))));
        }
        return out;
    }
}
