package dev.learnflow.notification.events;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.notification.service.AlertService;
import dev.learnflow.platform.dapr.BulkSubscribe;
import dev.learnflow.platform.dapr.BulkTopicHandler;
import jakarta.inject.Singleton;

/**
 * Consumes {@code struggle.detected} in batches (Dapr bulk subscribe: up to {@value #MAX_BATCH} signals of a
 * partition per sidecar request, or what is buffered every {@value #MAX_AWAIT_MS} ms): one alert per signal
 * (idempotent by event id, deduplicated while a live alert exists), pushed live to the teacher. Per signal: unknown
 * student or topic, or a signal without student, reason or severity, is dropped to the DLQ; database, state store,
 * gateway (who the student is) or websocket trouble answers RETRY for that signal alone, so the sidecar redelivers
 * it and the alert is raised and pushed on a later try.
 */
@Singleton
public class StruggleDetectedHandler extends BulkTopicHandler<StruggleDetected> {

    static final int MAX_BATCH = 50;
    static final int MAX_AWAIT_MS = 100;

    public StruggleDetectedHandler(AlertService alerts) {
        super(EventTopic.STRUGGLE_DETECTED, BulkSubscribe.of(MAX_BATCH, MAX_AWAIT_MS), alerts::raiseAll);
    }
}
