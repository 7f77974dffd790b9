package dev.learnflow.websocket.events;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.platform.dapr.BulkSubscribe;
import dev.learnflow.websocket.service.EventMessages;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code progress.events}: a summary of each activity goes to the student's own sockets. The busiest topic (every
 * code run of every student), so it comes in batches: up to {@value #MAX_BATCH} events of a partition per sidecar
 * request, or what is buffered every {@value #MAX_AWAIT_MS} ms (a summary may wait that long; answers, on
 * {@code learning.responses}, still come one at a time, at once).
 */
@ApplicationScoped
public class ProgressEventsHandler extends StudentEventBatches<ProgressRecorded> {

    static final int MAX_BATCH = 100;
    static final int MAX_AWAIT_MS = 100;

    public ProgressEventsHandler() {
        super(EventTopic.PROGRESS_EVENTS, BulkSubscribe.of(MAX_BATCH, MAX_AWAIT_MS), ProgressRecorded::userId,
                activity -> activity.verb() != null && activity.object() != null, "userId, verb or object",
                EventMessages::progress);
    }
}
