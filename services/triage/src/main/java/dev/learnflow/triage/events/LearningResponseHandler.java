package dev.learnflow.triage.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.triage.service.AnswerRecorder;
import jakarta.enterprise.context.ApplicationScoped;

/** Consumes {@code learning.responses}: stores each answer for GET by id and as the tutor's conversation turn. */
@ApplicationScoped
public class LearningResponseHandler implements EventHandler<LearningResponded> {

    private final AnswerRecorder recorder;

    public LearningResponseHandler(AnswerRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.LEARNING_RESPONSES;
    }

    @Override
    public Delivery handle(CloudEvent<LearningResponded> event) {
        recorder.record(event.data());
        return Delivery.SUCCESS;
    }
}
