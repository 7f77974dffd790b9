package dev.learnflow.triage.service;

import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.contracts.events.DebugRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningRequested;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.text.OutputQuestions;
import dev.learnflow.triage.client.LlmIntent;
import dev.learnflow.triage.config.TriageConfig;
import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.Conversation;
import dev.learnflow.triage.domain.Intent;
import dev.learnflow.triage.domain.QueryRecord;
import dev.learnflow.triage.domain.Refinement;
import dev.learnflow.triage.domain.TopicInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes one question (a learning.requests event): classify, enrich with context, then hand it to the agent that
 * answers it — or answer it here when it needs a clarifying question or just a pointer. Idempotent: a question
 * already routed is not routed again.
 */
@ApplicationScoped
public class QuestionRouter {

    static final String SOURCE = "triage";
    /** A pasted traceback (or bare error line) inside the question; it travels to debug as the error. */
    private static final Pattern PASTED_ERROR = Pattern.compile(
            "(Traceback \\(most recent call last\\):[\\s\\S]*?^[A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|"
                    + "Iteration)\\b.*$|^\\s*File \"[^\"]+\", line \\d+[\\s\\S]*?^[A-Za-z_][\\w.]*Error\\b.*$"
                    + "|^[A-Za-z_][\\w.]*(?:Error|Exception)\\b:.*$)", Pattern.MULTILINE);

    @Inject
    Understanding understanding;
    @Inject
    LlmIntent llm;
    @Inject
    ContextEnricher enricher;
    @Inject
    ConversationLog conversations;
    @Inject
    StateStore<QueryRecord> queries;
    @Inject
    EventBus events;
    @Inject
    TriageConfig config;
    @Inject
    Clock clock;

    public void route(LearningRequested question) {
        String key = question.requestId().toString();
        StateStore.Versioned<QueryRecord> existing = queries.read(key);
        if (existing.exists() && existing.value().forwarded() != null) {
            return; // redelivery of a question already routed
        }
        Instant now = clock.instant();
        UUID conversationId = question.conversationId() != null ? question.conversationId() : question.requestId();
        // the query as last read here: the final write starts from it (an answer stored meanwhile costs a retry)
        StateStore.Versioned<QueryRecord> knownQuery = existing;
        if (!existing.exists()) {
            knownQuery = null;
            // A learning.requests event that did not come through our own route (e.g. the gateway's).
            queries.update(key, current -> current.orElse(QueryRecord.pending(question.requestId(),
                    question.userId(), conversationId, "question", question.requestedAt())));
            conversations.studentSaid(conversationId, question.userId(), question.requestId(), question.question(),
                    question.requestedAt());
        }

        // Code typed into the question (fenced, indented or a one-liner) travels as the request's code.
        boolean codeSent = question.code() != null && !question.code().isBlank();
        InlineCode.Split split = codeSent ? InlineCode.Split.none(question.question())
                : InlineCode.extract(question.question());
        String code = codeSent ? question.code() : split.code().orElse(null);
        String prose = split.code().isPresent() ? split.prose() : question.question();

        String turnId = ConversationLog.questionTurnId(question.requestId());
        Optional<FollowUp> followUp = FollowUp.of(prose);
        // read once: the turn a follow-up continues, the last turns for the agent, and where the classification
        // is written from
        StateStore.Versioned<Conversation> conversationRead = conversations.read(conversationId);
        Optional<Conversation> earlier = followUp.flatMap(f -> conversationRead.asOptional());
        Optional<Conversation.Turn> previous = earlier.flatMap(c -> c.previousRoutedQuestion(turnId))
                .filter(t -> Intent.fromLabel(t.intent()).filter(i -> i != Intent.OFF_TOPIC
                        && i != Intent.PROGRESS_QUESTION).isPresent());
        // the classifier's sentence vector of the prose also finds its course topic
        float[] proseVector = previous.isPresent() ? null : understanding.classifier().embed(prose);
        Refinement refinement = previous.isPresent()
                ? Refinement.offline(new Classification(Intent.fromLabel(previous.get().intent()).orElseThrow(), 1.0,
                Map.of(), true, "follow-up"))
                : classify(prose, code, proseVector);
        Classification classification = refinement.classification();
        if (previous.isPresent() && code == null) {
            code = previous.get().code();
        }
        StudentContext context = merge(question.context(),
                enricher.enrich(question.userId(), conversationRead.asOptional(), question.requestId()));
        TopicMatcher topics = understanding.topics();
        Optional<TopicInfo> topic = previous.isPresent()
                ? followUpTopic(followUp.get(), previous.get(), thread(earlier.get(), previous.get(), 5), topics)
                : topicOf(question, prose, code, proseVector, context, topics);
        boolean orphanFollowUp = previous.isEmpty() && followUp.filter(f -> f.kind() != FollowUp.Kind.WHAT_ABOUT)
                .isPresent();
        String intentLabel = classification.confident() && !orphanFollowUp ? classification.intent().label()
                : "unclear";
        Conversation conversation = conversations.classified(conversationId, question.userId(), question.requestId(),
                intentLabel, topic.map(TopicInfo::id).orElse(null), code, conversationRead);
        // What the agent reads: a follow-up is phrased in terms of the question it continues.
        String previousText = previous.map(p -> thread(earlier.get(), p, 5)).orElse(null);
        String asked = previous.isPresent() ? clip(question.question() + "\n\n(" + followUp.get()
                .continuing(previousText) + ")", Limits.QUESTION_MAX) : question.question();

        if (orphanFollowUp) {
            // "another example?" with nothing before it: the one question worth asking back.
            answer(question, conversationId, TriageReplies.followUpWithoutTopic(), refinement, now);
        } else if (!classification.confident()) {
            answer(question, conversationId, TriageReplies.clarification(classification), refinement, now);
        } else {
            switch (classification.intent()) {
                case CONCEPT_EXPLANATION -> events.publish(EventTopic.CONCEPTS_REQUESTS, new ConceptRequested(
                        new LearningRequested(question.requestId(), question.userId(), conversationId, asked, code,
                                topic.map(TopicInfo::id).orElse(null), context, now),
                        previous.isPresent() ? clip(followUp.get().continuing(previousText), 200)
                                : topic.map(TopicInfo::title).orElse(null)));
                case DEBUG_HELP -> events.publish(EventTopic.DEBUG_REQUESTS, new DebugRequested(question.requestId(),
                        question.userId(), conversationId, null, topic.map(TopicInfo::id).orElse(null),
                        asked, code, pastedError(question.question()),
                        hintLevel(conversation, question.requestId()), context, now));
                case CODE_REVIEW -> {
                    if (code == null || code.isBlank()) {
                        answer(question, conversationId, TriageReplies.needCode(), refinement, now);
                    } else {
                        events.publish(EventTopic.CODE_SUBMISSIONS, new CodeSubmitted(question.requestId(),
                                question.userId(), UUID.randomUUID(), null, topic.map(TopicInfo::id).orElse(null),
                                code, "python", context, now));
                    }
                }
                case EXERCISE_REQUEST -> answer(question, conversationId, exerciseReply(question, prose, previous
                        .isPresent(), topic, topics), refinement, now);
                case PROGRESS_QUESTION -> answer(question, conversationId,
                        TriageReplies.progress(question.userId(), context, topics), refinement, now);
                case OFF_TOPIC -> answer(question, conversationId, TriageReplies.offTopic(prose), refinement, now);
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("intent", intentLabel);
        facts.put("confidence", Math.round(classification.confidence() * 1000) / 1000.0);
        facts.put("classifiedBy", classification.source());
        if (refinement.refused() != null) {
            facts.put("llmReplyRefused", refinement.refused());
        }
        if (split.code().isPresent()) {
            facts.put("codeInQuestion", split.form());
        }
        followUp.filter(f -> previous.isPresent()).ifPresent(f -> facts.put("followUp", f.kind().name().toLowerCase()));
        events.publish(EventTopic.PROGRESS_EVENTS, new ProgressRecorded(question.requestId(), question.userId(),
                Verb.ASKED, new ActivityObject(ActivityType.QUESTION, question.requestId().toString(),
                topic.map(TopicInfo::id).orElse(null)), null, facts, now));
        queries.update(key, knownQuery, current -> current
                .orElse(QueryRecord.pending(question.requestId(), question.userId(), conversationId, "question", now))
                .routed(intentLabel, classification.confidence(), now));
    }

    Refinement classify(String question, String code, float[] vector) {
        Classification offline = understanding.classifier().classify(question, code, vector);
        if (llm.enabled() && "embedding".equals(offline.source()) && offline.confidence() < config.llmRefineBelow()) {
            return llm.refine(question, code != null && !code.isBlank(), offline);
        }
        return Refinement.offline(offline);
    }

    /** Each debug question in a conversation gets one level more specific, never past 3 (never the solution). */
    static int hintLevel(Conversation conversation, UUID requestId) {
        long earlier = conversation.studentTurnsWithIntent(Intent.DEBUG_HELP.label(),
                ConversationLog.questionTurnId(requestId));
        return (int) Math.min(3, 1 + earlier);
    }

    static String pastedError(String question) {
        if (question == null) {
            return null;
        }
        Matcher m = PASTED_ERROR.matcher(question);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last == null ? null : last.length() > 10_000 ? last.substring(last.length() - 10_000) : last;
    }

    private Optional<TopicInfo> topicOf(LearningRequested question, String prose, String code, float[] proseVector,
                                        StudentContext context, TopicMatcher topics) {
        if (question.topicId() != null) {
            return topics.byId(question.topicId()).or(() -> Optional.of(
                    new TopicInfo(question.topicId(), null, question.topicId(), "")));
        }
        // "what is the output of <code>": the words only ask what the code gives ("output" would name the input
        // and output topic); the code's own construct is for the agent to find
        if (OutputQuestions.onlyAsksWhatCodeGives(prose) || OutputQuestions.onlyAsksWhatCodeGives(prose, code)) {
            return Optional.ofNullable(context.currentTopicId()).flatMap(topics::byId);
        }
        return topics.match(prose, proseVector).map(TopicMatcher.Match::topic)
                .or(() -> Optional.ofNullable(context.currentTopicId()).flatMap(topics::byId));
    }

    /**
     * Exercises on the request's topic; a subject the course has no topic for ("a recursion challenge"), asked
     * without naming a course topic or choosing one, is said to be outside the course and given the nearest topic's.
     */
    private static TriageReplies.Reply exerciseReply(LearningRequested question, String prose, boolean followUp,
                                                     Optional<TopicInfo> topic, TopicMatcher topics) {
        if (question.topicId() == null && !followUp && !topics.namesATopic(prose)) {
            Optional<CourseGaps.Gap> gap = CourseGaps.of(prose);
            if (gap.isPresent()) {
                List<TopicInfo> nearest = gap.get().nearestTopicIds().stream().map(topics::byId)
                        .flatMap(Optional::stream).toList();
                if (!nearest.isEmpty()) {
                    return TriageReplies.exerciseNear(gap.get().subject(), nearest);
                }
            }
            // "a practice problem on loops": an everyday name of a course topic, not the sentence model's guess
            Optional<TopicInfo> everyday = topics.byEverydayName(prose);
            if (everyday.isPresent()) {
                return TriageReplies.exercise(everyday);
            }
        }
        return TriageReplies.exercise(topic);
    }

    /** "What about dicts?" may move to another topic; every other follow-up stays on the previous one. */
    private static Optional<TopicInfo> followUpTopic(FollowUp followUp, Conversation.Turn previous,
                                                     String previousText, TopicMatcher topics) {
        Optional<TopicInfo> before = Optional.ofNullable(previous.topicId()).flatMap(topics::byId);
        if (followUp.kind() == FollowUp.Kind.WHAT_ABOUT) {
            return topics.match(previousText + " " + followUp.subject()).map(TopicMatcher.Match::topic).or(() -> before);
        }
        return before;
    }

    /** What a turn asked, with the questions it followed up on ("another example: How do loops work?"). */
    private static String thread(Conversation conversation, Conversation.Turn turn, int depth) {
        Optional<FollowUp> followUp = FollowUp.of(turn.text());
        Optional<Conversation.Turn> before = depth > 0 && followUp.isPresent()
                ? conversation.previousRoutedQuestion(turn.id()) : Optional.empty();
        return before.map(b -> followUp.get().continuing(thread(conversation, b, depth - 1))).orElse(turn.text());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Context the publisher already attached wins field by field over what triage looked up. */
    private static StudentContext merge(StudentContext given, StudentContext looked) {
        if (given == null) {
            return looked;
        }
        return new StudentContext(
                given.currentModuleId() != null ? given.currentModuleId() : looked.currentModuleId(),
                given.currentTopicId() != null ? given.currentTopicId() : looked.currentTopicId(),
                given.mastery().isEmpty() ? looked.mastery() : given.mastery(),
                given.recentErrorTypes().isEmpty() ? looked.recentErrorTypes() : given.recentErrorTypes(),
                given.recentTurns().isEmpty() ? looked.recentTurns() : given.recentTurns());
    }

    /**
     * Publishes one of triage's own replies. Its text is always ours (replies.properties and our data): a model only
     * ever picks the lane, so {@code source} is offline; a model reply that was not a label shows in
     * {@code replaced} as the refused intent part.
     */
    private void answer(LearningRequested question, UUID conversationId, TriageReplies.Reply reply,
                        Refinement refinement, Instant now) {
        Provenance provenance = new Provenance(Provenance.OFFLINE, refinement.classification().source(),
                refinement.refused() == null ? List.of()
                        : List.of(new Provenance.Replaced("intent", List.of(refinement.refused()))));
        events.publish(EventTopic.LEARNING_RESPONSES, new LearningResponded(question.requestId(), question.userId(),
                conversationId, reply.kind(), SOURCE, reply.text(), reply.data().withProvenance(provenance), now));
    }
}
