package dev.learnflow.codereview.mapping;

import dev.learnflow.codereview.domain.Finding;
import dev.learnflow.codereview.domain.ReviewReport;
import dev.learnflow.codereview.domain.Severity;
import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.local.testing.AnswerDataGolden;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The data of review answers, pinned to what the wire carried before the data was typed. */
class ReviewAnswerDataTest {

    private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
    private static final CodeSubmitted SUBMISSION = new CodeSubmitted(
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            UUID.fromString("00000000-0000-0000-0000-000000000002"),
            UUID.fromString("00000000-0000-0000-0000-000000000003"), null, "for-loops", "x = [] \n",
            "python", null, NOW);

    private static void check(String fixture, LearningResponded answer) {
        AnswerDataGolden.assertMatches(fixture, answer.data());
        AnswerDataGolden.assertMeetsSchema(answer.kind(), answer.data());
    }

    @Test
    void review() {
        Finding finding = new Finding("mutable-default-argument", 3, 12, Severity.WARNING, "`items=[]` is shared",
                "The list is made once.", "Use None.");
        ReviewReport offline = new ReviewReport(List.of(finding), 94, "One thing to look at.", true, Map.of());
        check("review", ReviewMessages.answer(SUBMISSION, offline, NOW));
        ReviewReport mixed = offline.worded(List.of(finding), "Looks fine.", new Provenance("mixed",
                List.of(new Provenance.Replaced("summary", List.of("code block")))));
        check("review-mixed", ReviewMessages.answer(SUBMISSION, mixed, NOW));
        ReviewReport unanalysed = new ReviewReport(List.of(), 0, "Too long to analyse.", false, null);
        check("review-unanalysed", ReviewMessages.answer(SUBMISSION, unanalysed, NOW));
    }

    @Test
    void unsupportedLanguage() {
        CodeSubmitted java = new CodeSubmitted(SUBMISSION.requestId(), SUBMISSION.userId(),
                SUBMISSION.submissionId(), null, null, "class A {}", "java", null, NOW);
        check("error-unsupported", ReviewMessages.unsupported(java, NOW));
    }
}
