package dev.learnflow.exercise.service;

import dev.learnflow.exercise.domain.AttemptHistory;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.state.StateConflictException;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes the progress events of recorded attempts. An attempt and its event are stored together first, so
 * an event that cannot be published now (sidecar or broker down) is not lost: it stays pending in the history and
 * is retried on a schedule and whenever that history is touched again.
 */
@ApplicationScoped
public class AttemptOutbox {

    private static final Logger LOG = Logger.getLogger(AttemptOutbox.class);
    private static final int CLEAR_TRIES = 4;

    private final StateStore<AttemptHistory> store;
    private final EventBus events;
    private final Set<Key> waiting = ConcurrentHashMap.newKeySet();

    record Key(UUID student, UUID exercise) {
    }

    @Inject
    public AttemptOutbox(StateStores stateStores, EventBus events) {
        this.store = stateStores.of(AttemptHistory.class, AttemptHistory.KEY_PREFIX);
        this.events = events;
    }

    /** Publishes every pending event of one history; true when none is left pending. */
    public boolean flush(UUID student, UUID exercise) {
        StateStore.Versioned<AttemptHistory> current = store.read(AttemptHistory.key(student, exercise));
        if (current.valueOr(AttemptHistory.empty()).pendingEvents().isEmpty()) {
            waiting.remove(new Key(student, exercise));
            return true;
        }
        Set<String> published = new HashSet<>();
        boolean failed = false;
        for (AttemptHistory.PendingEvent pending : current.valueOr(AttemptHistory.empty()).pendingEvents()) {
            try {
                events.publish(EventTopic.PROGRESS_EVENTS, pending.event());
                published.add(pending.id());
            } catch (RuntimeException e) {
                LOG.warnf("Progress event of an attempt could not be published yet (%s); will retry", e.toString());
                failed = true;
                break;
            }
        }
        if (!published.isEmpty()) {
            clear(student, exercise, published, current);
        }
        if (failed) {
            waiting.add(new Key(student, exercise));
        } else {
            waiting.remove(new Key(student, exercise));
        }
        return !failed;
    }

    private void clear(UUID student, UUID exercise, Set<String> published, StateStore.Versioned<AttemptHistory> read) {
        StateStore.Versioned<AttemptHistory> current = read;
        for (int i = 0; i < CLEAR_TRIES; i++) {
            try {
                store.saveIfUnchanged(AttemptHistory.key(student, exercise),
                        current.valueOr(AttemptHistory.empty()).withoutPending(published), current.etag());
                return;
            } catch (StateConflictException e) {
                current = store.read(AttemptHistory.key(student, exercise));
            }
        }
        // Still marked pending in the store: it will be published again later (a duplicate at worst, never lost).
        waiting.add(new Key(student, exercise));
    }

    @Scheduled(every = "${learnflow.exercise.grading.outbox-retry:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryWaiting() {
        for (Key key : Set.copyOf(waiting)) {
            try {
                flush(key.student(), key.exercise());
            } catch (RuntimeException e) {
                LOG.debugf("Outbox retry for %s failed: %s", key, e.toString());
            }
        }
    }

    /** Histories with events still waiting (for tests and health). */
    public int waitingCount() {
        return waiting.size();
    }
}
