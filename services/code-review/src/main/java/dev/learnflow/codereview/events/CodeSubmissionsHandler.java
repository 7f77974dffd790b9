package dev.learnflow.codereview.events;

import dev.learnflow.codereview.service.ReviewAgent;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.platform.dapr.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes {@code code.submissions} for the {@link ReviewAgent}. A sandbox that is down makes the sidecar
 * redeliver later (the agent throws: RETRY); an event that can never be reviewed is dropped to the DLQ.
 */
@ApplicationScoped
public class CodeSubmissionsHandler implements EventHandler<CodeSubmitted> {

    private final ReviewAgent agent;

    public CodeSubmissionsHandler(ReviewAgent agent) {
        this.agent = agent;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.CODE_SUBMISSIONS;
    }

    @Override
    public Delivery handle(CloudEvent<CodeSubmitted> event) {
        CodeSubmitted submission = event.data();
        if (submission.requestId() == null || submission.userId() == null || submission.submissionId() == null
                || submission.code() == null || submission.code().isBlank()) {
            throw new PoisonEventException("code.submissions event without ids or code");
        }
        agent.answer(event.id(), submission);
        return Delivery.SUCCESS;
    }
}
