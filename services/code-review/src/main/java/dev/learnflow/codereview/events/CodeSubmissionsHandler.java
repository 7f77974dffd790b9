package dev.learnflow.codereview.rest;

import dev.learnflow.codereview.client.ProcessedEvents;
import dev.learnflow.codereview.mapping.ReviewMessages;
import dev.learnflow.codereview.service.CodeReviewer;
import dev.learnflow.codereview.service.ReviewReport;
import dev.learnflow.contracts.domain.Submission;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.dapr.EventHandler;
import dev.learnflow.platform.dapr.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Consumes {@code code.submissions}: reviews the code, answers on {@code learning.responses} (kind review) and
 * records the activity on {@code progress.events} (verb reviewed). Idempotent by CloudEvent id; a sandbox that is
 * down makes the sidecar redeliver later (RETRY); an event that can never be reviewed is dropped to the DLQ.
 */
@ApplicationScoped
public class CodeSubmissionsHandler implements EventHandler<CodeSubmitted> {

    private static final Logger LOG = Logger.getLogger(CodeSubmissionsHandler.class);

    private final CodeReviewer reviewer;
    private final EventBus events;
    private final ProcessedEvents processed;
    private final Clock clock;

    @Inject
    public CodeSubmissionsHandler(CodeReviewer reviewer, EventBus events, ProcessedEvents processed) {
        this(reviewer, events, processed, Clock.systemUTC());
    }

    CodeSubmissionsHandler(CodeReviewer reviewer, EventBus events, ProcessedEvents processed, Clock clock) {
        this.reviewer = reviewer;
        this.events = events;
        this.processed = processed;
        this.clock = clock;
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
        if (processed.seen(event.id())) {
            LOG.debugf("Event %s was reviewed before; acknowledging the redelivery", event.id());
            return Delivery.SUCCESS;
        }
        if (submission.language() != null && !Submission.PYTHON.equalsIgnoreCase(submission.language())) {
            events.publish(EventTopic.LEARNING_RESPONSES, ReviewMessages.unsupported(submission, clock.instant()));
            processed.remember(event.id());
            return Delivery.SUCCESS;
        }
        Instant started = clock.instant();
        ReviewReport report = reviewer.review(submission.code());
        Instant now = clock.instant();
        events.publish(EventTopic.LEARNING_RESPONSES, ReviewMessages.answer(submission, report, now));
        events.publish(EventTopic.PROGRESS_EVENTS, ReviewMessages.activity(submission, report,
                now.toEpochMilli() - started.toEpochMilli(), now));
        processed.remember(event.id());
        LOG.infof("Reviewed submission %s of %s: score %d, %d findings", submission.submissionId(),
                submission.userId(), report.score(), report.findings().size());
        return Delivery.SUCCESS;
    }
}
