package dev.learnflow.debug.events;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.DebugRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.debug.service.DebugAgent;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes {@code debug.requests} (from triage, and from the gateway's debug route). A sandbox that is busy or
 * down makes the handler throw, so the sidecar redelivers later (RETRY); the agent is idempotent per request id.
 */
@ApplicationScoped
public class DebugRequestHandler implements EventHandler<DebugRequested> {

    private final DebugAgent agent;

    public DebugRequestHandler(DebugAgent agent) {
        this.agent = agent;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.DEBUG_REQUESTS;
    }

    @Override
    public Delivery handle(CloudEvent<DebugRequested> event) {
        agent.answerAndPublish(event.data());
        return Delivery.SUCCESS;
    }
}
