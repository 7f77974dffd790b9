package dev.learnflow.progress.client;

import dev.learnflow.progress.domain.StudentReadModel;
import dev.learnflow.progress.domain.TopicProgress;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes what recorded events leave in the tables (the {@code progress} mirror, the students' read models in
 * {@code student_snapshot} and the {@code event_log} rows): a caller's rows (one delivered batch) always in one transaction, together with the rows of other batches
 * delivered at the same time (one per Kafka partition): a group commit. One flush runs at a time; whoever arrives
 * while it runs is written by the next one, so a busy service commits once per round of batches, and an idle one
 * waits for nothing. Each caller returns only once its own rows are committed, and fails if their transaction
 * failed (the events are then redelivered; both statements are idempotent).
 */
@ApplicationScoped
public class ReportingRows {

    /** The rows of one event: the topic's mastery snapshot (may be null) and the event_log entry. */
    public record Write(UUID userId, TopicProgress topic, EventLog.Entry entry, Instant now) {
    }

    private record Pending(List<Write> writes, Map<UUID, StudentReadModel> readModels, Instant now,
                           CompletableFuture<Void> done) {
    }

    /** Events written per transaction at most, unless one caller brings more; more wait for the next one. */
    static final int MAX_BATCH = 1000;

    @Inject
    Pool pool;
    @Inject
    EventLog eventLog;
    @Inject
    ProgressTable progressTable;
    @Inject
    StudentSnapshots snapshots;

    private final List<Pending> waiting = new ArrayList<>();
    private boolean flushing;

    /**
     * Commits the rows of these events and the read models of their students in one transaction (with any others
     * waiting); blocks the calling worker thread until then. {@code now}: when the read models were taken.
     */
    public void writeAll(List<Write> writes, Map<UUID, StudentReadModel> readModels, Instant now) {
        if (writes.isEmpty() && readModels.isEmpty()) {
            return;
        }
        Pending mine = new Pending(List.copyOf(writes), Map.copyOf(readModels), now,
                new CompletableFuture<>());
        List<Pending> batch;
        synchronized (this) {
            waiting.add(mine);
            if (flushing) {
                batch = null; // the running flush's owner takes it next
            } else {
                flushing = true;
                batch = take();
            }
        }
        // The caller that found no flush running writes batches until none is left; the others just wait.
        while (batch != null) {
            flush(batch);
            synchronized (this) {
                if (waiting.isEmpty()) {
                    flushing = false;
                    batch = null;
                } else {
                    batch = take();
                }
            }
        }
        await(mine.done());
    }

    /** The callers waiting first, as many as fit in {@link #MAX_BATCH} events (at least one). */
    private List<Pending> take() {
        int taken = 0;
        int events = 0;
        while (taken < waiting.size() && (taken == 0 || events + waiting.get(taken).writes().size() <= MAX_BATCH)) {
            events += waiting.get(taken).writes().size();
            taken++;
        }
        List<Pending> batch = new ArrayList<>(waiting.subList(0, taken));
        waiting.subList(0, taken).clear();
        return batch;
    }

    private void flush(List<Pending> batch) {
        // Only the newest snapshot of each (student, topic): older ones of the same batch would be overwritten.
        Map<List<Object>, Write> newestTopics = new LinkedHashMap<>();
        List<Tuple> logRows = new ArrayList<>();
        // The newest read model per student, in student order (concurrent writers lock rows in the same order).
        Map<UUID, Pending> newestModels = new TreeMap<>();
        for (Pending p : batch) {
            p.readModels().forEach((student, model) -> newestModels.merge(student, p,
                    (old, next) -> next.readModels().get(student).revision()
                            > old.readModels().get(student).revision() ? next : old));
            for (Write w : p.writes()) {
                if (w.topic() != null) {
                    newestTopics.merge(List.of(w.userId(), w.topic().topicId()), w,
                            (old, next) -> ProgressTable.newer(next.topic(), old.topic()) ? next : old);
                }
                logRows.add(eventLog.row(w.entry()));
            }
        }
        List<Tuple> progressRows = newestTopics.values().stream()
                .map(w -> progressTable.row(w.userId(), w.topic(), w.now())).toList();
        List<Tuple> modelRows = newestModels.entrySet().stream()
                .map(e -> snapshots.row(e.getKey(), e.getValue().readModels().get(e.getKey()), e.getValue().now()))
                .toList();
        try {
            // event_log last: its rows mark the events done, so they go in after everything the events changed.
            pool.withTransaction(connection -> batch(connection, ProgressTable.UPSERT, progressRows)
                    .chain(() -> batch(connection, StudentSnapshots.UPSERT, modelRows))
                    .chain(() -> batch(connection, EventLog.INSERT, logRows)))
                    .await().atMost(Db.TIMEOUT);
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private static Uni<?> batch(SqlConnection connection, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery(sql).executeBatch(rows);
    }

    private static void await(CompletableFuture<Void> done) {
        try {
            done.get(Db.TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the reporting rows", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("reporting rows not written in time", e);
        }
    }
}
