package dev.learnflow.progress.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code event_log} table: every recorded activity as an xAPI statement, keyed by the CloudEvent id, so a
 * redelivered event inserts nothing ({@code on conflict (id) do nothing}).
 */
@ApplicationScoped
public class EventLog {

    /** One row; {@code result}, {@code context} and {@code statement} are JSON objects. */
    public record Entry(UUID id, UUID userId, String verb, String objectType, String objectId, String topicId,
                        JsonNode result, JsonNode context, JsonNode statement, Instant occurredAt,
                        Instant recordedAt) {
    }

    /** A stored statement with its paging key. */
    public record StoredStatement(UUID id, Instant occurredAt, JsonNode statement) {
    }

    /** Which statements to export: time bounds and a keyset cursor (strictly older than occurredAt/id). */
    public record Page(Instant since, Instant until, Instant beforeTime, UUID beforeId, int limit) {
    }

    static final String INSERT = """
            insert into event_log (id, user_id, verb, object_type, object_id, topic_id, result, context, statement,
                                   occurred_at, recorded_at)
            values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb, $9::text::jsonb, $10, $11)
            on conflict (id) do nothing
            """;

    private static final String PAGE_FILTER = """
              and ($2::timestamptz is null or e.occurred_at >= $2)
              and ($3::timestamptz is null or e.occurred_at < $3)
              and ($4::timestamptz is null or (e.occurred_at, e.id) < ($4, $5::uuid))
            order by e.occurred_at desc, e.id desc
            limit $6
            """;

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    /** Which of these statement ids are in the log already (one query for a whole batch). */
    public Set<UUID> recorded(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<UUID> found = new HashSet<>();
        pool.preparedQuery("select id from event_log where id = any($1)")
                .execute(Tuple.tuple().addArrayOfUUID(ids.toArray(UUID[]::new)))
                .await().atMost(Db.TIMEOUT).forEach(r -> found.add(r.getUUID("id")));
        return found;
    }

    /** Whether any event of this student is in the log. */
    public boolean hasAny(UUID userId) {
        return pool.preparedQuery("select exists (select 1 from event_log where user_id = $1) as found")
                .execute(Tuple.of(userId)).await().atMost(Db.TIMEOUT).iterator().next().getBoolean("found");
    }

    /** The parameters of {@link #INSERT} for one row (written by {@link ReportingRows}). */
    Tuple row(Entry e) {
        return Tuple.from(Arrays.asList(e.id(), e.userId(), e.verb(), e.objectType(), e.objectId(), e.topicId(),
                json(e.result()), json(e.context()), json(e.statement()), Db.ts(e.occurredAt()),
                Db.ts(e.recordedAt())));
    }

    /** A student's statements, newest first. */
    public List<StoredStatement> ofStudent(UUID userId, Page page) {
        return query("select e.id, e.occurred_at, e.statement::text as statement from event_log e where e.user_id = $1 "
                        + PAGE_FILTER,
                userId, page);
    }

    /** The statements of these students (a class, as the gateway lists it), newest first. */
    public List<StoredStatement> ofStudents(List<UUID> userIds, Page page) {
        return query("select e.id, e.occurred_at, e.statement::text as statement from event_log e "
                + "where e.user_id = any($1) "
                + PAGE_FILTER, userIds.toArray(UUID[]::new), page);
    }

    private List<StoredStatement> query(String sql, Object owner, Page p) {
        var rows = pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(owner, Db.ts(p.since()),
                        Db.ts(p.until()), Db.ts(p.beforeTime()), p.beforeId(), p.limit())))
                .await().atMost(Db.TIMEOUT);
        List<StoredStatement> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(storedStatement(mapper, r));
        }
        return out;
    }

    /**
     * A JSON column's parameter as text, cast to jsonb by the statement: one serialisation, where a Vert.x
     * {@code JsonObject} cost a serialisation, a parse into maps and a second serialisation (issue 19's ingestion
     * profile: ~12 % of progress's CPU).
     */
    private static String json(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }

    /** A row of {@code id, occurred_at, statement::text as statement}, the statement parsed once. */
    static StoredStatement storedStatement(ObjectMapper mapper, Row r) {
        try {
            return new StoredStatement(r.getUUID("id"), Db.instant(r.getOffsetDateTime("occurred_at")),
                    mapper.readTree(r.getString("statement")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
