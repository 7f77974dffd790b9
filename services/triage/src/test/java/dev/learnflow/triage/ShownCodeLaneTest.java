package dev.learnflow.triage;

import dev.learnflow.triage.domain.Intent;
import dev.learnflow.triage.service.IntentClassifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code shown with a question about how Python treats a piece of it goes to the concepts lane (issue 17), unless an
 * error is named or an opinion asked; a bare request for help is asked what it is about, not declined; commenting code
 * out is Python. Own wording, not from the development sets.
 */
class ShownCodeLaneTest {

    private static final IntentClassifier CLASSIFIER = DevSets.offlineClassifier();

    @Test
    void theQuestionGoesToTheConceptsLaneUnlessAnErrorOrAnOpinionIsAsked() {
        String code = "pairs = [('a', 3), ('b', 1)]\npairs.sort(key=lambda p: p[1])\nprint(pairs)\n";
        assertThat(CLASSIFIER.classify("what is lambda p: p[1] doing, idk how it works", code).intent())
                .isEqualTo(Intent.CONCEPT_EXPLANATION);
        assertThat(CLASSIFIER.classify("how does this swap them without a third variable",
                "x, y = 1, 2\nx, y = y, x\nprint(x, y)\n").intent()).isEqualTo(Intent.CONCEPT_EXPLANATION);
        assertThat(CLASSIFIER.classify("what does p[1] mean? i get IndexError: tuple index out of range", code)
                .intent()).isEqualTo(Intent.DEBUG_HELP);
        assertThat(CLASSIFIER.classify("is lambda p: p[1] ok here or should i use itemgetter", code).intent())
                .isEqualTo(Intent.CODE_REVIEW);
    }

    @Test
    void aBareRequestForHelpIsAskedWhatItIsAboutNotDeclined() {
        for (String m : new String[] {"help me with this", "pls help asap", "can someone help me??", "im stuck"}) {
            assertThat(CLASSIFIER.classify(m, null).confident()).as(m).isFalse();
            assertThat(CLASSIFIER.classify(m, null).runnerUp()).as(m).isEqualTo(Intent.DEBUG_HELP);
        }
        // help asked for with a subject, or with other subjects, is not bare
        assertThat(CLASSIFIER.classify("help me with for loops", null).intent()).isEqualTo(Intent.CONCEPT_EXPLANATION);
        assertThat(CLASSIFIER.classify("help me with my chemistry homework", null).intent()).isEqualTo(Intent.OFF_TOPIC);
    }

    @Test
    void commentingCodeOutIsAPythonQuestion() {
        assertThat(CLASSIFIER.classify("how do i comment out a lot of lines at once", null).intent())
                .isEqualTo(Intent.CONCEPT_EXPLANATION);
    }
}
