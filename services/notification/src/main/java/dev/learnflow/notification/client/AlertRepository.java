package dev.learnflow.notification.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.domain.Alert;
import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.AlertStatus;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.notification.domain.NewAlert;
import dev.learnflow.notification.domain.StoredAlert;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The alerts table (written only by this service) and whether a topic exists (the student and their teacher
 * come from the gateway). Blocking API: call from worker threads.
 */
@ApplicationScoped
public class AlertRepository {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(5);
    private static final String COLUMNS = "id, student_id, teacher_id, topic_id, reason, severity, status, "
            + "evidence, dedup_key, created_at, updated_at";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** What an insert did. */
    public sealed interface Insert {
        /** A new alert. */
        record Created(StoredAlert stored) implements Insert {
        }

        /** This very alert exists already: the same event was delivered again. */
        record Redelivered(StoredAlert stored) implements Insert {
        }

        /** Another live (open/acknowledged) alert has the same dedup key; nothing was inserted. */
        record Deduplicated(Optional<StoredAlert> live) implements Insert {
        }
    }

    /** The row changed (or vanished) between read and update. */
    public static class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException() {
            super("alert changed concurrently");
        }
    }

    /** Reopening would make a second live alert with the same dedup key. */
    public static class LiveDuplicateException extends RuntimeException {
        public LiveDuplicateException() {
            super("another live alert has the same dedup key");
        }
    }

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    /** Which of {@code topicIds} exist, in one query. */
    public Set<String> existingTopics(Collection<String> topicIds) {
        if (topicIds.isEmpty()) {
            return Set.of();
        }
        Set<String> existing = new HashSet<>();
        pool.preparedQuery("SELECT id FROM topics WHERE id = ANY($1)")
                .execute(Tuple.of(topicIds.toArray(String[]::new))).await().atMost(DB_TIMEOUT)
                .forEach(row -> existing.add(row.getString("id")));
        return existing;
    }

    /**
     * Inserts unless the id exists (redelivery) or a live alert has the same dedup key: one statement, so two
     * deliveries racing each other cannot both insert.
     */
    public Insert insert(NewAlert alert) {
        RowSet<Row> rows = pool.preparedQuery("INSERT INTO alerts (id, student_id, teacher_id, topic_id, reason, "
                        + "severity, evidence, dedup_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                        + "ON CONFLICT DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[]{alert.id(), alert.studentId(), alert.teacherId(), alert.topicId(),
                        alert.reason().value(), alert.severity().value(), new JsonObject(alert.evidence()),
                        alert.dedupKey()}))
                .await().atMost(DB_TIMEOUT);
        if (rows.size() > 0) {
            return new Insert.Created(toStored(rows.iterator().next()));
        }
        Optional<StoredAlert> same = findById(alert.id());
        if (same.isPresent()) {
            return new Insert.Redelivered(same.get());
        }
        return new Insert.Deduplicated(findLive(alert.dedupKey()));
    }

    public Optional<StoredAlert> findById(UUID id) {
        return first(pool.preparedQuery("SELECT " + COLUMNS + " FROM alerts WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(DB_TIMEOUT));
    }

    /** An alert of this teacher; someone else's alert is as absent as a missing one. */
    public Optional<StoredAlert> findForTeacher(UUID alertId, UUID teacherId) {
        return first(pool.preparedQuery("SELECT " + COLUMNS + " FROM alerts WHERE id = $1 AND teacher_id = $2")
                .execute(Tuple.of(alertId, teacherId)).await().atMost(DB_TIMEOUT));
    }

    /** Newest first (index alerts_teacher_status_created_idx). */
    public List<Alert> listForTeacher(UUID teacherId, Optional<AlertStatus> status, int limit) {
        RowSet<Row> rows = status.isPresent()
                ? pool.preparedQuery("SELECT " + COLUMNS + " FROM alerts WHERE teacher_id = $1 AND status = $2 "
                        + "ORDER BY created_at DESC, id LIMIT $3")
                .execute(Tuple.of(teacherId, status.get().value(), limit)).await().atMost(DB_TIMEOUT)
                : pool.preparedQuery("SELECT " + COLUMNS + " FROM alerts WHERE teacher_id = $1 "
                        + "ORDER BY created_at DESC, id LIMIT $2")
                .execute(Tuple.of(teacherId, limit)).await().atMost(DB_TIMEOUT);
        List<Alert> alerts = new ArrayList<>(rows.size());
        rows.forEach(row -> alerts.add(toStored(row).alert()));
        return alerts;
    }

    /**
     * Moves an alert from {@code from} to {@code to}, only if it is still in {@code from}. Acknowledging stamps
     * acknowledged_at, resolving stamps resolved_at, reopening clears both (the alert needs attention again).
     */
    public StoredAlert changeStatus(UUID alertId, AlertStatus from, AlertStatus to) {
        String stamps = switch (to) {
            case ACKNOWLEDGED -> ", acknowledged_at = coalesce(acknowledged_at, now())";
            case RESOLVED -> ", resolved_at = now()";
            case OPEN -> ", acknowledged_at = null, resolved_at = null";
            case MUTED -> "";
        };
        try {
            RowSet<Row> rows = pool.preparedQuery("UPDATE alerts SET status = $3" + stamps
                            + " WHERE id = $1 AND status = $2 RETURNING " + COLUMNS)
                    .execute(Tuple.of(alertId, from.value(), to.value())).await().atMost(DB_TIMEOUT);
            return first(rows).orElseThrow(ConcurrentChangeException::new);
        } catch (PgException e) {
            if ("23505".equals(e.getSqlState())) {
                throw new LiveDuplicateException();
            }
            throw e;
        }
    }

    private Optional<StoredAlert> findLive(String dedupKey) {
        return first(pool.preparedQuery("SELECT " + COLUMNS + " FROM alerts WHERE dedup_key = $1 "
                        + "AND status IN ('open', 'acknowledged')")
                .execute(Tuple.of(dedupKey)).await().atMost(DB_TIMEOUT));
    }

    private Optional<StoredAlert> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toStored(rows.iterator().next()));
    }

    private StoredAlert toStored(Row row) {
        Alert alert = new Alert(row.getUUID("id"), row.getUUID("student_id"), row.getUUID("teacher_id"),
                row.getString("topic_id"), reason(row.getString("reason")),
                AlertSeverity.fromString(row.getString("severity")), AlertStatus.fromString(row.getString("status")),
                evidence(row.getValue("evidence")), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("updated_at")));
        return new StoredAlert(alert, row.getString("dedup_key"));
    }

    /** 'other' is a reason the table allows but the contract does not name; show it as no reason. */
    private static StruggleReason reason(String value) {
        try {
            return StruggleReason.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Map<String, Object> evidence(Object value) {
        if (value == null) {
            return Map.of();
        }
        try {
            Object parsed = mapper.readValue(value instanceof JsonObject json ? json.encode() : value.toString(),
                    Object.class);
            return parsed instanceof Map<?, ?> ? mapper.convertValue(parsed, MAP) : Map.of("items", parsed);
        } catch (Exception e) {
            throw new IllegalStateException("alert evidence is not JSON", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
