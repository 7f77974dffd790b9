package dev.learnflow.progress.client;

import dev.learnflow.progress.domain.TopicProgress;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes what one recorded event leaves in the reporting tables (the {@code progress} mirror and the
 * {@code event_log} row) in one transaction, and the rows of events delivered at the same time (one per Kafka
 * partition) in that same transaction: a group commit. One flush runs at a time; whoever arrives while it runs
 * is written by the next one, so a busy service commits once per batch instead of twice per event (each commit is
 * a WAL flush), and an idle one waits for nothing. Each caller returns only once its own rows are committed, and
 * fails if their transaction failed (the event is then redelivered; both statements are idempotent).
 */
@ApplicationScoped
public class ReportingRows {

    /** The rows of one event: the topic's mastery snapshot (may be null) and the event_log entry. */
    public record Write(UUID userId, TopicProgress topic, EventLog.Entry entry, Instant now) {
    }

    private record Pending(Write write, CompletableFuture<Void> done) {
    }

    /** Rows written per transaction at most; more wait for the next one. */
    static final int MAX_BATCH = 64;

    @Inject
    Pool pool;
    @Inject
    EventLog eventLog;
    @Inject
    ProgressTable progressTable;

    private final List<Pending> waiting = new ArrayList<>();
    private boolean flushing;

    /** Commits the rows of one event (with any others waiting); blocks the calling worker thread until then. */
    public void write(Write write) {
        Pending mine = new Pending(write, new CompletableFuture<>());
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

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(waiting.subList(0, Math.min(MAX_BATCH, waiting.size())));
        waiting.subList(0, batch.size()).clear();
        return batch;
    }

    private void flush(List<Pending> batch) {
        List<Tuple> progressRows = new ArrayList<>();
        List<Tuple> logRows = new ArrayList<>();
        for (Pending p : batch) {
            Write w = p.write();
            if (w.topic() != null) {
                progressRows.add(progressTable.row(w.userId(), w.topic(), w.now()));
            }
            logRows.add(eventLog.row(w.entry()));
        }
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
