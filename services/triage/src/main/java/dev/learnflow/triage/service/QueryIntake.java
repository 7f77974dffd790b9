package dev.learnflow.triage.service;

import dev.learnflow.contracts.api.AskQuestionRequest;
import dev.learnflow.contracts.api.DebugRequestBody;
import dev.learnflow.contracts.api.QueryAccepted;
import dev.learnflow.contracts.api.QueryAnswer;
import dev.learnflow.contracts.api.ReviewRequest;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.DebugRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningRequested;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.triage.domain.Conversation;
import dev.learnflow.triage.domain.Intent;
import dev.learnflow.triage.domain.QueryRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The synchronous side of triage: accepts a question, review or debug request (202 with a request id), and serves
 * the stored answer to its owner. A question is queued on learning.requests and routed by {@link QuestionRouter};
 * reviews and debug requests already say what they are, so they go straight to their agent's topic.
 */
@ApplicationScoped
public class QueryIntake {

    private static final Logger LOG = Logger.getLogger(QueryIntake.class);

    @Inject
    StateStore<QueryRecord> queries;
    @Inject
    ConversationLog conversations;
    @Inject
    ContextEnricher enricher;
    @Inject
    EventBus events;
    @Inject
    Clock clock;

    public static String selfLink(UUID requestId) {
        return "/api/v1/queries/" + requestId;
    }

    public QueryAccepted askQuestion(UUID userId, AskQuestionRequest body) {
        // a new conversation takes the request's id, just made: nothing to read before writing it
        StateStore.Versioned<Conversation> known = body.conversationId() != null
                ? conversations.requireOwnedOrNew(body.conversationId(), userId) : ConversationLog.unstarted();
        UUID requestId = UUID.randomUUID();
        UUID conversationId = body.conversationId() != null ? body.conversationId() : requestId;
        Instant now = clock.instant();
        saveNew(QueryRecord.pending(requestId, userId, conversationId, "question", now));
        conversations.studentSaid(conversationId, userId, requestId, body.question(), now, known);
        publishOrFail(requestId, EventTopic.LEARNING_REQUESTS, new LearningRequested(requestId, userId, conversationId,
                body.question(), body.code(), body.topicId(), null, now));
        return QueryAccepted.pending(requestId, selfLink(requestId));
    }

    public QueryAccepted requestReview(UUID userId, ReviewRequest body) {
        UUID requestId = UUID.randomUUID();
        UUID submissionId = UUID.randomUUID();
        Instant now = clock.instant();
        saveNew(QueryRecord.pending(requestId, userId, requestId, "review", now).routed(Intent.CODE_REVIEW.label(),
                1.0, now));
        StudentContext context = enricher.enrich(userId, Optional.empty(), requestId);
        publishOrFail(requestId, EventTopic.CODE_SUBMISSIONS, new CodeSubmitted(requestId, userId, submissionId,
                body.exerciseId(), context.currentTopicId(), body.code(), "python", context, now));
        publishActivity(new ProgressRecorded(requestId, userId, Verb.SUBMITTED, new ActivityObject(ActivityType.REVIEW,
                submissionId.toString(), context.currentTopicId()), null,
                body.exerciseId() == null ? Map.of() : Map.of("exerciseId", body.exerciseId().toString()), now));
        return QueryAccepted.pending(requestId, selfLink(requestId));
    }

    public QueryAccepted requestDebugging(UUID userId, DebugRequestBody body) {
        UUID requestId = UUID.randomUUID();
        Instant now = clock.instant();
        saveNew(QueryRecord.pending(requestId, userId, requestId, "debug", now).routed(Intent.DEBUG_HELP.label(), 1.0,
                now));
        StudentContext context = enricher.enrich(userId, Optional.empty(), requestId);
        publishOrFail(requestId, EventTopic.DEBUG_REQUESTS, new DebugRequested(requestId, userId, requestId,
                body.exerciseId(), context.currentTopicId(), body.question(), body.code(), body.error(),
                body.hintLevelOrDefault(), context, now));
        publishActivity(new ProgressRecorded(requestId, userId, Verb.REQUESTED_HINT, new ActivityObject(
                ActivityType.HINT, requestId.toString(), context.currentTopicId()), null,
                Map.of("hintLevel", body.hintLevelOrDefault()), now));
        return QueryAccepted.pending(requestId, selfLink(requestId));
    }

    /** The request's state for its owner; anybody else learns nothing, not even that it exists. */
    public QueryAnswer answerFor(UUID userId, UUID requestId) {
        return queries.get(requestId.toString())
                .filter(r -> r.userId().equals(userId))
                .map(QueryRecord::toAnswer)
                .orElseThrow(() -> ApiException.notFound("Query " + requestId));
    }

    /** A request id is made here at random: its record cannot exist yet, so it is created without a read. */
    private void saveNew(QueryRecord record) {
        queries.saveIfUnchanged(record.requestId().toString(), record, null);
    }

    private void publishOrFail(UUID requestId, EventTopic topic, Record payload) {
        try {
            events.publish(topic, payload);
        } catch (RuntimeException e) {
            LOG.warnf("Could not publish %s for %s: %s", topic.topic(), requestId, e.toString());
            queries.update(requestId.toString(), current -> current.map(
                    r -> r.failed("Could not be forwarded; please ask again")).orElseThrow());
            throw ApiException.unavailable("The tutor cannot take requests right now; please try again shortly");
        }
    }

    /** Activity is worth recording, but never worth failing the student's request for. */
    private void publishActivity(ProgressRecorded activity) {
        try {
            events.publish(EventTopic.PROGRESS_EVENTS, activity);
        } catch (RuntimeException e) {
            LOG.warnf("progress event for %s not published: %s", activity.requestId(), e.toString());
        }
    }
}
