package dev.learnflow.debug.events;

import dev.learnflow.contracts.events.DebugRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.debug.service.DebugAgent;
import dev.learnflow.platform.dapr.TopicHandler;
import jakarta.inject.Singleton;

/**
 * Consumes {@code debug.requests} (from triage, and from the gateway's debug route). A sandbox that is busy or
 * down makes the handler throw, so the sidecar redelivers later (RETRY); the agent is idempotent per request id.
 */
@Singleton
public class DebugRequestHandler extends TopicHandler<DebugRequested> {

    public DebugRequestHandler(DebugAgent agent) {
        super(EventTopic.DEBUG_REQUESTS, event -> agent.answerAndPublish(event.data()));
    }
}
