package dev.learnflow.progress.events;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.platform.dapr.TopicHandler;
import dev.learnflow.progress.service.ProgressRecorder;
import jakarta.inject.Singleton;

/**
 * Subscribes to {@code progress.events}. Invalid events, unknown students or topics are dropped (to
 * {@code progress.events.dlq}); anything else that fails is retried by the sidecar.
 */
@Singleton
public class ProgressEventsHandler extends TopicHandler<ProgressRecorded> {

    public ProgressEventsHandler(ProgressRecorder recorder) {
        super(EventTopic.PROGRESS_EVENTS, recorder::record);
    }
}
