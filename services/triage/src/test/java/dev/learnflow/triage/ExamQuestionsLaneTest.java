package dev.learnflow.triage;

import dev.learnflow.local.testing.ExamQuestions;
import dev.learnflow.triage.service.InlineCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 36's exam questions about code (local/testing {@code exam/}: "what is the output of 3 * '2'", a fenced
 * block with "predict the output", "x = (1, 2); x.append(3) what happens"), written by a helper who saw nothing of
 * the project, as the router takes them: the code split off, then the lane. Each asks what code gives, which the
 * concepts lane answers with the code's run; a question about an error the code raises may also go to debugging.
 * Prints the lanes given and the misses of the tuned part (the hold-out's are never shown).
 */
class ExamQuestionsLaneTest {

    private static double rightLaneShare(String set) {
        return rightLaneShare(set, false);
    }

    /** @param debugging whether the debugging lane also answers every question of the set (one about why code misbehaves) */
    private static double rightLaneShare(String set, boolean debugging) {
        List<ExamQuestions.Exam> exams = ExamQuestions.read(set);
        Map<String, Integer> lanes = new TreeMap<>();
        int right = 0;
        int withCode = 0;
        StringBuilder misses = new StringBuilder();
        for (ExamQuestions.Exam exam : exams) {
            String lane = StudentQuestionsTest.lane(exam.question());
            lanes.merge(lane, 1, Integer::sum);
            withCode += InlineCode.extract(exam.question()).code().isPresent() ? 1 : 0;
            boolean ok = lane.equals("concept_explanation")
                    || (debugging || exam.aboutAnError()) && lane.equals("debug_help");
            right += ok ? 1 : 0;
            if (!ok) {
                misses.append("  ").append(lane).append(InlineCode.extract(exam.question()).code().isPresent() ? " (code)" : "").append(": ").append(exam.question().replace("\n", "⏎")).append('\n');
            }
        }
        System.out.printf("%n%s: right lane %d/%d, code found in %d, lanes %s%n%s", set, right, exams.size(), withCode,
                lanes, set.contains("holdout") ? "" : misses);
        return (double) right / exams.size();
    }

    @Test
    void anExamQuestionAboutCodeGoesToTheConceptsLane() {
        // measured (README): before this work (main at session 36's start) tuned 57/80 (code found in 51),
        // hold-out 28/39 (26); after (a self-contained expression taken out and sent printed, words that only ask
        // what the code gives or name it are the concepts lane) tuned 78/80 (64), hold-out 35/39 (29). A second
        // writer's set, all held out and written after the change: before 63/90 (81), after 76/90 (81)
        double tuned = rightLaneShare(ExamQuestions.TUNED);
        double holdOut = rightLaneShare(ExamQuestions.HOLD_OUT);
        double second = rightLaneShare(ExamQuestions.SECOND_HOLD_OUT);
        assertThat(tuned).as("tuned").isGreaterThanOrEqualTo(0.95);
        assertThat(holdOut).as("hold-out").isGreaterThanOrEqualTo(0.89);
        assertThat(second).as("second hold-out").isGreaterThanOrEqualTo(0.84);
    }

    @Test
    void aQuestionAboutWhyCodeBehavesAsItDoesIsExplainedOrDebugged() {
        // session 37's set ("why does b change too?", "what does the * do here"): the concepts lane explains the
        // code's construct, the debugging lane finds what the code does unexpectedly; both answer it.
        // measured (README), unchanged by session 37's work (in concepts): tuned 97/109 (concepts 33, debugging 64,
        // review 7: "is there a better way"), hold-out 50/54 (19, 31, 4)
        double tuned = rightLaneShare(ExamQuestions.CODE_TUNED, true);
        double holdOut = rightLaneShare(ExamQuestions.CODE_HOLD_OUT, true);
        assertThat(tuned).as("tuned").isGreaterThanOrEqualTo(0.87);
        assertThat(holdOut).as("hold-out").isGreaterThanOrEqualTo(0.9);
    }
}
