package dev.learnflow.progress.client;

import dev.learnflow.progress.domain.TopicProgress;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The {@code progress} table: a reporting mirror of each StudentActor's per-topic mastery (the actor is the
 * source of truth). Snapshots of one topic only grow in (attempts, last activity), so the upsert keeps the newest
 * even when two deliveries write out of order. Written by {@link ReportingRows}, with the event's event_log row.
 */
@ApplicationScoped
public class ProgressTable {

    static final String UPSERT = """
            insert into progress (user_id, topic_id, p_known, mastery_level, attempts, correct, last_activity_at,
                                  updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (user_id, topic_id) do update
                set p_known = excluded.p_known,
                    mastery_level = excluded.mastery_level,
                    attempts = excluded.attempts,
                    correct = excluded.correct,
                    last_activity_at = excluded.last_activity_at,
                    updated_at = excluded.updated_at
                where (progress.attempts, coalesce(progress.last_activity_at, '-infinity'::timestamptz))
                      <= (excluded.attempts, coalesce(excluded.last_activity_at, '-infinity'::timestamptz))
            """;

    /** Whether snapshot {@code a} is newer than {@code b}, by the order the {@link #UPSERT} keeps. */
    static boolean newer(TopicProgress a, TopicProgress b) {
        if (a.attempts() != b.attempts()) {
            return a.attempts() > b.attempts();
        }
        Instant at = a.lastActivityAt() == null ? Instant.MIN : a.lastActivityAt();
        Instant bt = b.lastActivityAt() == null ? Instant.MIN : b.lastActivityAt();
        return !at.isBefore(bt);
    }

    /** The parameters of {@link #UPSERT} for one topic snapshot (written by {@link ReportingRows}). */
    Tuple row(UUID userId, TopicProgress p, Instant now) {
        return Tuple.from(Arrays.asList(userId, p.topicId(), p.pKnown(), p.level().value(), p.attempts(),
                p.correct(), Db.ts(p.lastActivityAt()), Db.ts(now)));
    }
}
