package dev.learnflow.triage.service;

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
    private static final TopicMatcher TOPICS = new TopicMatcher(text -> new float[] {1f, 0f}, List.of(LOOPS), 0.5);

    @Test
    void clarification() {
        Classification unsure = new Classification(Intent.DEBUG_HELP, 0.41234,
                Map.of(Intent.DEBUG_HELP, 0.5, Intent.CODE_REVIEW, 0.4), false, "embedding");
        AnswerDataGolden.assertMatches("clarification", TriageReplies.clarification(unsure).data());
        AnswerDataGolden.assertMatches("clarification-topic", TriageReplies.followUpWithoutTopic().data());
        AnswerDataGolden.assertMatches("clarification-code", TriageReplies.needCode().data());
    }

    @Test
    void exercise() {
        AnswerDataGolden.assertMatches("exercise-topic", TriageReplies.exercise(Optional.of(LOOPS)).data());
        AnswerDataGolden.assertMatches("exercise-any", TriageReplies.exercise(Optional.empty()).data());
    }

    @Test
    void progress() {
        UUID student = UUID.fromString("00000000-0000-0000-0000-000000000001");
        StudentContext context = new StudentContext("basics", "for-loops", Map.of("for-loops", 0.7),
                List.of("TypeError"), List.of());
        AnswerDataGolden.assertMatches("progress", TriageReplies.progress(student, context, TOPICS).data());
        AnswerDataGolden.assertMatches("progress-empty",
                TriageReplies.progress(student, StudentContext.empty(), TOPICS).data());
    }

    @Test
    void offTopic() {
        AnswerDataGolden.assertMatches("off-topic-greeting", TriageReplies.offTopic("hello there").data());
        AnswerDataGolden.assertMatches("off-topic-language", TriageReplies.offTopic("How do I write a for loop in JavaScript?").data());
        AnswerDataGolden.assertMatches("off-topic-subject", TriageReplies.offTopic("Who won the football match?").data());
    }
}
