package dev.learnflow.triage.service;

import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.local.testing.AnswerDataGolden;
import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.Intent;
import dev.learnflow.triage.domain.TopicInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The data of triage's own replies, pinned to what the wire carried before the data was typed. */
class TriageAnswerDataTest {

    private static final TopicInfo LOOPS = new TopicInfo("for-loops", "basics", "For loops", "Repeating");
    private static final Provenance CLASSIFIED = new Provenance(Provenance.OFFLINE, "embedding",
            List.of(new Provenance.Replaced("intent", List.of("not a label"))));
    private static final TopicMatcher TOPICS = new TopicMatcher(text -> new float[] {1f, 0f}, List.of(LOOPS), 0.5);

    /** Pinned as built; checked against its kind's schema as published, with how the question was classified. */
    private static void check(String fixture, TriageReplies.Reply reply) {
        AnswerDataGolden.assertMatches(fixture, reply.data());
        AnswerDataGolden.assertMeetsSchema(reply.kind(), reply.data().withProvenance(CLASSIFIED));
    }

    @Test
    void clarification() {
        Classification unsure = new Classification(Intent.DEBUG_HELP, 0.41234,
                Map.of(Intent.DEBUG_HELP, 0.5, Intent.CODE_REVIEW, 0.4), false, "embedding");
        check("clarification", TriageReplies.clarification(unsure));
        check("clarification-topic", TriageReplies.followUpWithoutTopic());
        check("clarification-code", TriageReplies.needCode());
    }

    @Test
    void exercise() {
        check("exercise-topic", TriageReplies.exercise(Optional.of(LOOPS)));
        check("exercise-any", TriageReplies.exercise(Optional.empty()));
    }

    @Test
    void progress() {
        UUID student = UUID.fromString("00000000-0000-0000-0000-000000000001");
        StudentContext context = new StudentContext("basics", "for-loops", Map.of("for-loops", 0.7),
                List.of("TypeError"), List.of());
        check("progress", TriageReplies.progress(student, context, TOPICS));
        check("progress-empty", TriageReplies.progress(student, StudentContext.empty(), TOPICS));
    }

    @Test
    void offTopic() {
        check("off-topic-greeting", TriageReplies.offTopic("hello there"));
        check("off-topic-language", TriageReplies.offTopic("How do I write a for loop in JavaScript?"));
        check("off-topic-subject", TriageReplies.offTopic("Who won the football match?"));
    }
}
