package dev.learnflow.triage.events;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningRequested;
import dev.learnflow.platform.dapr.TopicHandler;
import dev.learnflow.triage.service.QuestionRouter;
import jakarta.inject.Singleton;

/** Consumes {@code learning.requests}: every question is routed here, once. Failures are retried by the sidecar. */
@Singleton
public class LearningRequestHandler extends TopicHandler<LearningRequested> {

    public LearningRequestHandler(QuestionRouter router) {
        super(EventTopic.LEARNING_REQUESTS, event -> router.route(event.data()));
    }
}
