package dev.learnflow.progress.client;

import dev.learnflow.progress.domain.TopicProgress;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes what recorded events leave in the reporting tables (the {@code progress} mirror and the {@code event_log}
 * rows): a caller's rows (one delivered batch) always in one transaction, together with the rows of other batches
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

    private record Pending(List<Write> writes, CompletableFuture<Void> done) {
    }

    /** Events written per transaction at most, unless one caller brings more; more wait for the next one. */
    static final int MAX_BATCH = 1000;

    @Inject
    Pool pool;
    @Inject
    EventLog eventLog;
    @Inject
    ProgressTable progressTable;

    private final List<Pending> waiting = new ArrayList<>();
    private boolean flushing;

    /**
     * Commits the rows of these events in one transaction (with any others waiting); blocks the calling worker
     * thread until then.
     */
    public void writeAll(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        Pending mine = new Pending(List.copyOf(writes), new CompletableFuture<>());
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
        for (Pending p : batch) {
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
        try {
            pool.withTransaction(connection -> {
                var logInserts = connection.preparedQuery(EventLog.INSERT).executeBatch(logRows);
                return progressRows.isEmpty() ? logInserts
                        : connection.preparedQuery(ProgressTable.UPSERT).executeBatch(progressRows)
                        .chain(() -> logInserts);
            }).await().atMost(Db.TIMEOUT);
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
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
