package dev.learnflow.concepts.events;

import dev.learnflow.concepts.service.ConceptAgent;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.platform.dapr.TopicHandler;
import jakarta.inject.Singleton;

/** Consumes {@code concepts.requests} from triage. Failures (state store, publish) are retried by the sidecar. */
@Singleton
public class ConceptRequestHandler extends TopicHandler<ConceptRequested> {

    public ConceptRequestHandler(ConceptAgent agent) {
        super(EventTopic.CONCEPTS_REQUESTS, event -> agent.answerAndPublish(event.data()));
    }
}
