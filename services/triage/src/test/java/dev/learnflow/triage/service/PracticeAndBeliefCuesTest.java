package dev.learnflow.triage.service;

import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.Intent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cues of session 40 (issue 17), found on a fresh development set written by a helper who had seen nothing of
 * the router: a way of writing Python asked about in general, a belief about Python checked ("..., right?"), words of
 * one's record beside code, "based on what i've done", "is this how you're supposed to do it" with code, a program's
 * answer set against an outside source, tabs or spaces, an error raised on purpose, and "fix it" alone. Own wording,
 * not lines of that set.
 */
class PracticeAndBeliefCuesTest {

    private static IntentClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = OfflineClassifier.load();
    }

    private static Classification classify(String message, String code) {
        return classifier.classify(message, code);
    }

    @Test
    void aWayOfWritingPythonAskedInGeneralIsExplainedNotReviewed() {
        for (String m : new String[] {"is it bad practice to catch Exception everywhere?",
            "is it ok to use break inside a for loop", "why is it bad to use from os import * in a script"}) {
            assertThat(classify(m, null).intent()).as(m).isEqualTo(Intent.CONCEPT_EXPLANATION);
        }
        // the student's own program, said to work: the review lane asks for it
        assertThat(classify("is it bad to use global in my program like that? it works fine", null).intent())
                .isEqualTo(Intent.CODE_REVIEW);
    }

    @Test
    void aBeliefAboutPythonCheckedIsAConceptQuestion() {
        for (String m : new String[] {"so sets keep the order you add things in, right?",
            "strings can be changed in place, correct?"}) {
            assertThat(DebugSignals.of(m, false)).as(m).isEmpty();
            assertThat(classify(m, null).intent()).as(m).isEqualTo(Intent.CONCEPT_EXPLANATION);
        }
        // the student's own program is no belief about Python
        assertThat(DebugSignals.of("my loop keeps printing the same value every time, right?", false)).isPresent();
    }

    @Test
    void wordsOfOnesRecordBesideCodeDescribeTheCode() {
        String code = "marks = [55, 80]\nfor m in marks:\n    if m > 50:\n        print('pass')\n";
        assertThat(classify("can you look at my grade checker? it works but its long", code).intent())
                .isEqualTo(Intent.CODE_REVIEW);
        assertThat(classify("based on everything i've studied so far, what should i revise before the test", null)
                .intent()).isEqualTo(Intent.PROGRESS_QUESTION);
    }

    @Test
    void howOneIsSupposedToWriteItWithCodeIsAReview() {
        String code = "class Dog:\n    def __init__(self, name):\n        self.name = name\n";
        assertThat(classify("my first class ever, is this how you are supposed to write them?", code).intent())
                .isEqualTo(Intent.CODE_REVIEW);
    }

    @Test
    void aProgramsAnswerAgainstAnOutsideSourceIsABugReport() {
        String code = "n = int(input())\nprint(n % 7 == 0)\n";
        assertThat(classify("the checker says 21 is not divisible by 7 but my calculator says it is", code).intent())
                .isEqualTo(Intent.DEBUG_HELP);
    }

    @Test
    void pythonsOwnMattersInEverydayWordsAreConceptQuestions() {
        for (String m : new String[] {"should i indent with spaces or tabs", "how do i trigger an error on purpose if the age is over 150"}) {
            Classification c = classify(m, null);
            assertThat(c.intent()).as(m).isEqualTo(Intent.CONCEPT_EXPLANATION);
            assertThat(c.confident()).as(m).isTrue();
        }
    }

    @Test
    void aPleaToFixUnseenCodeIsAskedBack() {
        for (String m : new String[] {"fix this", "pls check it", "can u debug it"}) {
            assertThat(classify(m, null).confident()).as(m).isFalse();
        }
    }
}
