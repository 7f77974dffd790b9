package dev.learnflow.codereview.service;

import dev.learnflow.codereview.config.ReviewConfig;
import dev.learnflow.codereview.domain.ReviewReport;
import dev.learnflow.codereview.mapping.ReviewMessages;
import dev.learnflow.contracts.domain.Submission;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.Speaker;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.state.ProcessedEvents;
import dev.learnflow.platform.state.StateStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Answers one code submission: reviews the code, answers on {@code learning.responses} (kind review) and records
 * the activity on {@code progress.events} (verb reviewed). Idempotent by event id (remembered for
 * {@code learnflow.review.processed-ttl}); a sandbox that is down throws, so the event is delivered again later.
 */
@ApplicationScoped
public class ReviewAgent {

    private static final Logger LOG = Logger.getLogger(ReviewAgent.class);

    private final CodeReviewer reviewer;
    private final EventBus events;
    private final ProcessedEvents processed;
    private final Clock clock;

    @Inject
    public ReviewAgent(CodeReviewer reviewer, EventBus events, StateStores stateStores, ReviewConfig config,
                       Clock clock) {
        this(reviewer, events, stateStores.processedEvents("reviewed-event-", config.processedTtl()), clock);
    }

    ReviewAgent(CodeReviewer reviewer, EventBus events, ProcessedEvents processed, Clock clock) {
        this.reviewer = reviewer;
        this.events = events;
        this.processed = processed;
        this.clock = clock;
    }

    /** Whether the submission of event {@code eventId} was answered before. */
    public boolean answered(String eventId) {
        return processed.seen(eventId);
    }

    public void answer(String eventId, CodeSubmitted submission) {
        if (processed.seen(eventId)) {
            LOG.debugf("Event %s was reviewed before; acknowledging the redelivery", eventId);
            return;
        }
        if (submission.language() != null && !Submission.PYTHON.equalsIgnoreCase(submission.language())) {
            events.publish(EventTopic.LEARNING_RESPONSES, ReviewMessages.unsupported(submission, clock.instant()));
            processed.markHandled(eventId);
            return;
        }
        Instant started = clock.instant();
        ReviewReport report = reviewer.review(submission.code(), studentMessage(submission));
        Instant now = clock.instant();
        events.publish(EventTopic.LEARNING_RESPONSES, ReviewMessages.answer(submission, report, now));
        events.publish(EventTopic.PROGRESS_EVENTS, ReviewMessages.activity(submission, report,
                now.toEpochMilli() - started.toEpochMilli(), now));
        processed.markHandled(eventId);
        LOG.infof("Reviewed submission %s of %s: score %d, %d findings", submission.submissionId(),
                submission.userId(), report.score(), report.findings().size());
    }

    /** The student's latest words in the conversation triage forwarded, if any. */
    static String studentMessage(CodeSubmitted submission) {
        if (submission.context() == null) {
            return null;
        }
        List<StudentContext.Turn> turns = submission.context().recentTurns();
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).speaker() == Speaker.STUDENT) {
                return turns.get(i).text();
            }
        }
        return null;
    }
}
