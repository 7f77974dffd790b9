package dev.learnflow.triage.events;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.platform.dapr.TopicHandler;
import dev.learnflow.triage.service.AnswerRecorder;
import jakarta.inject.Singleton;

/** Consumes {@code learning.responses}: stores each answer for GET by id and as the tutor's conversation turn. */
@Singleton
public class LearningResponseHandler extends TopicHandler<LearningResponded> {

    public LearningResponseHandler(AnswerRecorder recorder) {
        super(EventTopic.LEARNING_RESPONSES, event -> recorder.record(event.data()));
    }
}
