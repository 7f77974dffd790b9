package dev.learnflow.progress.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Read-only aggregate queries behind the teacher's class insights and the student's history, over the tables this
 * service writes ({@code progress}, {@code event_log}). Every query is by one student or by the students of one
 * class ({@code user_id = any($1)}, the class as the gateway lists it) and is served by an index (V4 migration;
 * the plans are checked in db's {@code ExplainTest}).
 */
@ApplicationScoped
public class InsightRows {

    /** One student × topic row of the {@code progress} mirror. */
    public record MasteryRow(UUID userId, String topicId, double pKnown, int attempts, int correct,
                             Instant lastActivityAt) {
    }

    /** An error type over a class: events in the recent window, in the window before it, students affected. */
    public record ErrorTypeRow(String errorType, long recent, long before, long students) {
    }

    /** One event as the insights show it (no statement JSON). */
    public record EventRow(UUID id, UUID userId, String verb, String objectType, String objectId, String topicId,
                           Boolean success, Double score, String errorType, Long durationMs, String response,
                           Instant occurredAt) {
    }

    /** A local day with the number of qualifying events in it. */
    public record ActiveDay(LocalDate day, long events) {
    }

    /** Filters of a student's timeline, with the export's time bounds and keyset cursor. */
    public record TimelineFilter(String verb, String topicId, EventLog.Page page) {
    }

    private static final String EVENT_COLUMNS = """
            e.id, e.user_id, e.verb, e.object_type, e.object_id, e.topic_id,
            (e.result ->> 'success')::boolean as success, (e.result ->> 'score')::double precision as score,
            e.result ->> 'errorType' as error_type, (e.result ->> 'durationMs')::bigint as duration_ms,
            e.result ->> 'response' as response, e.occurred_at
            """;

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    /** The heatmap's cells: every progress row of these students (progress_pkey). */
    public List<MasteryRow> mastery(List<UUID> students) {
        var rows = pool.preparedQuery("""
                        select user_id, topic_id, p_known, attempts, correct, last_activity_at
                        from progress where user_id = any($1)
                        """)
                .execute(Tuple.of(ids(students))).await().atMost(Db.TIMEOUT);
        List<MasteryRow> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new MasteryRow(r.getUUID("user_id"), r.getString("topic_id"), r.getDouble("p_known"),
                    r.getInteger("attempts"), r.getInteger("correct"),
                    Db.instant(r.getOffsetDateTime("last_activity_at"))));
        }
        return out;
    }

    /** One student's progress row on a topic, if they touched it. */
    public MasteryRow mastery(UUID student, String topicId) {
        var rows = pool.preparedQuery("""
                        select user_id, topic_id, p_known, attempts, correct, last_activity_at
                        from progress where user_id = $1 and topic_id = $2
                        """)
                .execute(Tuple.of(student, topicId)).await().atMost(Db.TIMEOUT);
        for (Row r : rows) {
            return new MasteryRow(r.getUUID("user_id"), r.getString("topic_id"), r.getDouble("p_known"),
                    r.getInteger("attempts"), r.getInteger("correct"),
                    Db.instant(r.getOffsetDateTime("last_activity_at")));
        }
        return null;
    }

    /**
     * Error types of these students in [from, to), split at {@code split} into the recent window and the one
     * before it; most frequent recent first (event_log_user_errors_occurred_idx).
     */
    public List<ErrorTypeRow> errorTypes(List<UUID> students, Instant from, Instant split, Instant to) {
        var rows = pool.preparedQuery("""
                        select result ->> 'errorType' as error_type,
                               count(*) filter (where occurred_at >= $3) as recent,
                               count(*) filter (where occurred_at < $3) as before,
                               count(distinct user_id) filter (where occurred_at >= $3) as students
                        from event_log
                        where user_id = any($1) and (result ->> 'errorType') is not null
                          and occurred_at >= $2 and occurred_at < $4
                        group by 1
                        order by recent desc, before desc, error_type
                        """)
                .execute(Tuple.of(ids(students), Db.ts(from), Db.ts(split), Db.ts(to))).await().atMost(Db.TIMEOUT);
        List<ErrorTypeRow> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new ErrorTypeRow(r.getString("error_type"), r.getLong("recent"), r.getLong("before"),
                    r.getLong("students")));
        }
        return out;
    }

    /** Each student's latest event, null for one without any (event_log_user_occurred_idx, one probe each). */
    public java.util.Map<UUID, Instant> lastActivity(List<UUID> students) {
        var rows = pool.preparedQuery("""
                        select s.id, (select max(e.occurred_at) from event_log e where e.user_id = s.id) as last_at
                        from unnest($1::uuid[]) as s(id)
                        """)
                .execute(Tuple.of(ids(students))).await().atMost(Db.TIMEOUT);
        java.util.Map<UUID, Instant> out = new java.util.HashMap<>();
        for (Row r : rows) {
            out.put(r.getUUID("id"), Db.instant(r.getOffsetDateTime("last_at")));
        }
        return out;
    }

    /** A student's latest events on one topic, newest first (event_log_user_occurred_idx). */
    public List<EventRow> eventsOnTopic(UUID student, String topicId, int limit) {
        return events("""
                select %s from event_log e where e.user_id = $1 and e.topic_id = $2
                order by e.occurred_at desc, e.id desc limit $3
                """.formatted(EVENT_COLUMNS), Tuple.of(student, topicId, limit));
    }

    /** All of a student's events on these topics, oldest first: the input of a mastery replay (user time index). */
    public List<EventRow> eventsOnTopicsInOrder(UUID student, List<String> topicIds) {
        return events("""
                select %s from event_log e where e.user_id = $1 and e.topic_id = any($2)
                order by e.occurred_at, e.id
                """.formatted(EVENT_COLUMNS), Tuple.of(student, topicIds.toArray(String[]::new)));
    }

    /** Local days (in {@code zone}) since {@code from} with events of these verbs (event_log_user_occurred_idx). */
    public List<ActiveDay> activeDays(UUID student, String zone, Instant from, List<String> verbs) {
        var rows = pool.preparedQuery("""
                        select (occurred_at at time zone $2)::date as day, count(*) as events
                        from event_log
                        where user_id = $1 and occurred_at >= $3 and verb = any($4)
                        group by 1 order by 1
                        """)
                .execute(Tuple.of(student, zone, Db.ts(from), verbs.toArray(String[]::new)))
                .await().atMost(Db.TIMEOUT);
        List<ActiveDay> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new ActiveDay(r.getLocalDate("day"), r.getLong("events")));
        }
        return out;
    }

    /** A student's statements, newest first, optionally of one verb and/or one topic. */
    public List<EventLog.StoredStatement> timeline(UUID student, TimelineFilter f) {
        EventLog.Page p = f.page();
        var rows = pool.preparedQuery("""
                        select e.id, e.occurred_at, e.statement::text as statement from event_log e
                        where e.user_id = $1
                          and ($2::timestamptz is null or e.occurred_at >= $2)
                          and ($3::timestamptz is null or e.occurred_at < $3)
                          and ($4::timestamptz is null or (e.occurred_at, e.id) < ($4, $5::uuid))
                          and ($7::text is null or e.verb = $7)
                          and ($8::text is null or e.topic_id = $8)
                        order by e.occurred_at desc, e.id desc
                        limit $6
                        """)
                .execute(Tuple.from(Arrays.asList(student, Db.ts(p.since()), Db.ts(p.until()),
                        Db.ts(p.beforeTime()), p.beforeId(), p.limit(), f.verb(), f.topicId())))
                .await().atMost(Db.TIMEOUT);
        List<EventLog.StoredStatement> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(EventLog.storedStatement(mapper, r));
        }
        return out;
    }

    /** The class's events in [since, until), newest first, at most {@code limit}: the CSV export. */
    public List<EventRow> classEvents(List<UUID> students, Instant since, Instant until, int limit) {
        return events("""
                select %s from event_log e
                where e.user_id = any($1)
                  and ($2::timestamptz is null or e.occurred_at >= $2)
                  and ($3::timestamptz is null or e.occurred_at < $3)
                order by e.occurred_at desc, e.id desc limit $4
                """.formatted(EVENT_COLUMNS),
                Tuple.from(Arrays.asList(ids(students), Db.ts(since), Db.ts(until), limit)));
    }

    private List<EventRow> events(String sql, Tuple params) {
        var rows = pool.preparedQuery(sql).execute(params).await().atMost(Db.TIMEOUT);
        List<EventRow> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new EventRow(r.getUUID("id"), r.getUUID("user_id"), r.getString("verb"),
                    r.getString("object_type"), r.getString("object_id"), r.getString("topic_id"),
                    r.getBoolean("success"), r.getDouble("score"), r.getString("error_type"),
                    r.getLong("duration_ms"), r.getString("response"),
                    Db.instant(r.getOffsetDateTime("occurred_at"))));
        }
        return out;
    }

    private static UUID[] ids(List<UUID> students) {
        return students.toArray(UUID[]::new);
    }
}
