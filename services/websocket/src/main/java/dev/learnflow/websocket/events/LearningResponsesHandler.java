package dev.learnflow.websocket.events;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.websocket.service.EventMessages;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code learning.responses}: the answer goes to the sockets of the student who asked, and nobody else's. */
@ApplicationScoped
public class LearningResponsesHandler extends StudentEvents<LearningResponded> {

    public LearningResponsesHandler() {
        super(EventTopic.LEARNING_RESPONSES, LearningResponded::userId, answer -> true, "userId",
                EventMessages::answer);
    }
}
