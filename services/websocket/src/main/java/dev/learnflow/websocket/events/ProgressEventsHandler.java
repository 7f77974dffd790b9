package dev.learnflow.websocket.events;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.websocket.service.EventMessages;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code progress.events}: a summary of each activity goes to the student's own sockets. */
@ApplicationScoped
public class ProgressEventsHandler extends StudentEvents<ProgressRecorded> {

    public ProgressEventsHandler() {
        super(EventTopic.PROGRESS_EVENTS, ProgressRecorded::userId,
                activity -> activity.verb() != null && activity.object() != null, "userId, verb or object",
                EventMessages::progress);
    }
}
