package dev.learnflow.codereview.events;

import dev.learnflow.codereview.service.ReviewAgent;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.platform.dapr.PoisonEventException;
import dev.learnflow.platform.dapr.TopicHandler;
import jakarta.inject.Singleton;

/**
 * Consumes {@code code.submissions} for the {@link ReviewAgent}. A sandbox that is down makes the sidecar
 * redeliver later (the agent throws: RETRY); an event that can never be reviewed is dropped to the DLQ.
 */
@Singleton
public class CodeSubmissionsHandler extends TopicHandler<CodeSubmitted> {

    public CodeSubmissionsHandler(ReviewAgent agent) {
        super(EventTopic.CODE_SUBMISSIONS, event -> agent.answer(event.id(), reviewable(event.data())));
    }

    private static CodeSubmitted reviewable(CodeSubmitted submission) {
        if (submission.requestId() == null || submission.userId() == null || submission.submissionId() == null
                || submission.code() == null || submission.code().isBlank()) {
            throw new PoisonEventException("code.submissions event without ids or code");
        }
        return submission;
    }
}
