package dev.learnflow.concepts.events;

import dev.learnflow.concepts.service.ConceptAgent;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Consumes {@code concepts.requests} from triage. Failures (state store, publish) are retried by the sidecar. */
@ApplicationScoped
public class ConceptRequestHandler implements EventHandler<ConceptRequested> {

    private final ConceptAgent agent;

    public ConceptRequestHandler(ConceptAgent agent) {
        this.agent = agent;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.CONCEPTS_REQUESTS;
    }

    @Override
    public Delivery handle(CloudEvent<ConceptRequested> event) {
        agent.answerAndPublish(event.data());
        return Delivery.SUCCESS;
    }
}
