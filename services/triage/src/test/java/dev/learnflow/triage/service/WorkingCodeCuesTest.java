package dev.learnflow.triage.service;

import dev.learnflow.triage.domain.Intent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cues of session 21 (issue 17), found on fresh sets written by people who had seen nothing of the router: a
 * student who says the code already works asks how it is written; code shown with what it "still" does or did to
 * "every row" is a bug report; an error asked about "in general" is a concept; "something harder", "based on my
 * mistakes", a breakup. Own wording, not lines of those sets.
 */
class WorkingCodeCuesTest {

    private static IntentClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = OfflineClassifier.load();
    }

    private static Intent lane(String message) {
        InlineCode.Split split = InlineCode.extract(message);
        return classifier.classify(split.code().isPresent() ? split.prose() : message, split.code().orElse(null))
                .intent();
    }

    @Test
    void sayingTheCodeWorksLeavesOnlyHowItIsWritten() {
        for (String m : new String[] {"the script works, but it is slow with a big csv, ideas?",
            "both versions print the same thing, which one would you keep", "it runs fine lol but looks messy",
            "my functions work every time but are they too long?", "passes all the tests but i think it's clumsy"}) {
            assertThat(DebugSignals.saysItWorks(m)).as(m).isTrue();
            assertThat(DebugSignals.of(m, true)).as(m).isEmpty();
        }
        // a failure told beside "it works" keeps the bug report, and so does working only for some inputs
        for (String m : new String[] {"it works but crashes when the file is empty", "works for 3 but not for 10",
            "nothing works", "it runs but the total is wrong"}) {
            assertThat(DebugSignals.saysItWorks(m)).as(m).isFalse();
        }
        assertThat(lane("it works but can it be done in fewer lines?\nfor i in range(len(names)):\n"
                + "    print(i, names[i])")).isEqualTo(Intent.CODE_REVIEW);
        assertThat(lane("how could i make my loop faster? it works\ntotal = 0\nfor x in data:\n    total = total + x"))
                .isEqualTo(Intent.CODE_REVIEW);
        assertThat(ReviewCues.asksForAnOpinion("are my function names written properly")).isTrue();
        assertThat(ReviewCues.asksForAnOpinion("my variable names are fine, right?")).isTrue();
    }

    @Test
    void codeShownWithWhatItStillDoesIsABugReport() {
        for (String m : new String[] {"the list still has duplicates afterwards", "why did all three rows get the 7",
            "both dictionaries changed", "the two accounts share the same balance"}) {
            assertThat(DebugSignals.misbehavesInShownProgram(m)).as(m).isTrue();
        }
        assertThat(lane("i lower() the word but it still has capitals\nw = \"Hello\"\nw.lower()\nprint(w)"))
                .isEqualTo(Intent.DEBUG_HELP);
        assertThat(DebugSignals.of("i made a grade calculator but it says everyone failed", false)).isPresent();
        assertThat(DebugSignals.of("windows says 'py' is not recognized as an internal or external command", false))
                .isPresent();
    }

    @Test
    void anErrorAskedAboutInGeneralIsAConcept() {
        assertThat(DebugSignals.of("in general, what usually causes an IndexError?", false)).isEmpty();
        assertThat(DebugSignals.of("just curious what a ValueError is for", false)).isEmpty();
        // the student's own program keeps it a bug report
        assertThat(DebugSignals.of("my script gives a ValueError, what does that usually mean", false)).isPresent();
    }

    @Test
    void harderOrEasierPracticeAndOwnRecordAndPrivateLife() {
        for (String m : new String[] {"ok now something easier", "a trickier one?", "another harder one pls",
            "any challenge on recursion?", "give me 3 quick questions on tuples"}) {
            assertThat(ExerciseAndProgressCues.of(m)).as(m).contains(Intent.EXERCISE_REQUEST);
        }
        assertThat(ExerciseAndProgressCues.of("is sorted() harder than sort()")).isEmpty();
        for (String m : new String[] {"what's my accuracy in loops", "based on my results what should i practise",
            "what should i go back and revise"}) {
            assertThat(ExerciseAndProgressCues.of(m)).as(m).contains(Intent.PROGRESS_QUESTION);
        }
        assertThat(DebugSignals.of("my boyfriend broke up with me and my head is a mess", false)).isEmpty();
        assertThat(lane("my crush ignored me today and now i can't even code")).isEqualTo(Intent.OFF_TOPIC);
        assertThat(lane("prove that there are infinitely many primes")).isEqualTo(Intent.OFF_TOPIC);
        assertThat(ExerciseAndProgressCues.of("an interview-style question on dictionaries please"))
                .contains(Intent.EXERCISE_REQUEST);
    }

    @Test
    void whatPeopleKeepDoingOtherLanguagesAndOnesOwnRecordAreNoBugReports() {
        assertThat(lane("my lecturer keeps saying functions are first-class objects, what does that mean"))
                .isEqualTo(Intent.CONCEPT_EXPLANATION);
        assertThat(DebugSignals.saysItWorks("i never write a main function and my programs still run fine")).isTrue();
        assertThat(lane("in javascript what is the difference between == and ===? my teacher went too fast"))
                .isEqualTo(Intent.OFF_TOPIC);
        assertThat(lane("you said my loops were weak last week, are they still my weak spot?"))
                .isEqualTo(Intent.PROGRESS_QUESTION);
        // a progress bar is the student's program, not their progress
        assertThat(ExerciseAndProgressCues.of("my progress bar stays empty until the loop ends")).isEmpty();
        assertThat(lane("my stats class needs a mean and a median, does python have them built in?"))
                .isNotEqualTo(Intent.PROGRESS_QUESTION);
        for (String m : new String[] {"project idea for a beginner?", "can you suggest a small project i could code",
            "4 questions about dictionaries"}) {
            assertThat(ExerciseAndProgressCues.of(m)).as(m).contains(Intent.EXERCISE_REQUEST);
        }
        assertThat(lane("i have an exam tomorrow and i'm so nervous i can't sleep")).isEqualTo(Intent.OFF_TOPIC);
    }

    @Test
    void theHardMiddleBetweenLanes() {
        // an error asked about as a rule, said in so many words
        assertThat(lane("not asking about my code, why do you get a ZeroDivisionError in python at all"))
                .isEqualTo(Intent.CONCEPT_EXPLANATION);
        // code shown, puzzled question marks or a stated expectation
        assertThat(DebugSignals.misbehavesInShownProgram("[3, 3] ?? should be [3]")).isTrue();
        assertThat(DebugSignals.misbehavesInShownProgram("expected the total to be 10")).isTrue();
        assertThat(DebugSignals.of("it is supposed to find the smallest, but for [4, 9] it gives 9", false))
                .isPresent();
        assertThat(DebugSignals.of("i append to a log file in my loop and only the last line is there", false))
                .isPresent();
        assertThat(DebugSignals.saysItWorks("`x == None` works for me, is `is None` better?")).isTrue();
        // a level or "please" asks for practice; one's own scores are progress
        for (String m : new String[] {"something with dictionaries but not too hard", "intermediate exercise on classes",
            "quiz on tuples please", "one more like that but with sets"}) {
            assertThat(ExerciseAndProgressCues.of(m)).as(m).contains(Intent.EXERCISE_REQUEST);
        }
        assertThat(ExerciseAndProgressCues.of("what should i learn next after loops"))
                .contains(Intent.PROGRESS_QUESTION);
        assertThat(ExerciseAndProgressCues.of("my string scores were low, should i repeat that unit?"))
                .contains(Intent.PROGRESS_QUESTION);
        // opinions asked as a choice
        assertThat(ReviewCues.asksForAnOpinion("is using a while loop ok here or should this be a for loop?")).isTrue();
        // git, the shell and editors are not Python
        for (String m : new String[] {"how do i undo a git commit i already pushed", "how do i quit nano",
            "what does chmod +x do"}) {
            assertThat(lane(m)).as(m).isEqualTo(Intent.OFF_TOPIC);
        }
    }

    @Test
    void howOthersWriteItAndBlankRowsAndTheKeywordBreak() {
        assertThat(lane("why do programmers write `if __name__ == \"__main__\":` at the bottom"))
                .isEqualTo(Intent.CONCEPT_EXPLANATION);
        assertThat(DebugSignals.of("my report file has a blank line after every row, why", false)).isPresent();
        // the keyword break is no breakage, and "never crashes now" is a program that works
        assertThat(DebugSignals.saysItWorks("i end my loops with break. works every time, but is that bad?")).isTrue();
        assertThat(DebugSignals.saysItWorks("is my error handling ok? it never crashes now")).isTrue();
        assertThat(lane("i quoted TypeError: 'int' object is not iterable from a forum, what usually causes that "
                + "in general?")).isEqualTo(Intent.CONCEPT_EXPLANATION);
    }

    @Test
    void wholeGradedWorkAskedForWithoutCodeGoesToTheConceptsLaneThatDeclinesIt() {
        for (String m : new String[] {"please just give me the whole code for my class project so i can submit it",
            "i need the full program for my assignment, dont explain, its due tonight"}) {
            assertThat(lane(m)).as(m).isEqualTo(Intent.CONCEPT_EXPLANATION);
        }
        // help with a piece of the work keeps its own lane
        assertThat(lane("give me a practice exercise on loops for my exam")).isEqualTo(Intent.EXERCISE_REQUEST);
    }
}
