package dev.learnflow.triage.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningRequested;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.triage.service.QuestionRouter;
import jakarta.enterprise.context.ApplicationScoped;

/** Consumes {@code learning.requests}: every question is routed here, once. Failures are retried by the sidecar. */
@ApplicationScoped
public class LearningRequestHandler implements EventHandler<LearningRequested> {

    private final QuestionRouter router;

    public LearningRequestHandler(QuestionRouter router) {
        this.router = router;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.LEARNING_REQUESTS;
    }

    @Override
    public Delivery handle(CloudEvent<LearningRequested> event) {
        router.route(event.data());
        return Delivery.SUCCESS;
    }
}
