package dev.learnflow.progress.events;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.platform.dapr.BulkSubscribe;
import dev.learnflow.platform.dapr.BulkTopicHandler;
import dev.learnflow.progress.service.ProgressRecorder;
import jakarta.inject.Singleton;

/**
 * Subscribes to {@code progress.events} in bulk: the sidecar delivers up to {@value #MAX_BATCH} events of a
 * partition at once (or what it has every {@value #MAX_AWAIT_MS} ms), so a busy school is recorded with one actor
 * turn per student and one transaction per batch instead of per event. Invalid events, unknown students or topics
 * are dropped (to {@code progress.events.dlq}); anything else that fails is retried by the sidecar.
 */
@Singleton
public class ProgressEventsHandler extends BulkTopicHandler<ProgressRecorded> {

    /** Events per delivery at most: with partitions keyed by student, a full batch holds several per student. */
    static final int MAX_BATCH = 250;
    /** How long the sidecar holds a partial batch: the delay a lone event can get. */
    static final int MAX_AWAIT_MS = 50;

    public ProgressEventsHandler(ProgressRecorder recorder) {
        super(EventTopic.PROGRESS_EVENTS, BulkSubscribe.of(MAX_BATCH, MAX_AWAIT_MS), recorder::recordAll);
    }
}
