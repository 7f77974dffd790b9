package dev.learnflow.triage.service;

import dev.learnflow.triage.domain.Intent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cues lanes8 widened (issue 17): practice asked for without a verb or as "test what i know", one's own progress
 * and mistakes, an opinion asked as "anything i should change", standard modules as Python's names, and a question
 * asked in the middle of a message. Own wording, not from the development sets.
 */
class LaneCuesTest {

    @Test
    void practiceAskedForInFewWordsIsAnExerciseRequest() {
        for (String m : new String[] {"a few exercises on tuples?", "some practice questions about sets",
            "test how well i know dictionaries", "give me some to do on string slicing",
            // practising asked for as a verb
            "could we practise list comprehensions", "drill me on tuples", "i'd love to try something with files",
            "let me train on while loops"}) {
            assertThat(ExerciseAndProgressCues.of(m)).as(m).contains(Intent.EXERCISE_REQUEST);
        }
        for (String m : new String[] {"some exercises use while loops, what is the point of them",
            "how do i get better at chess"}) {
            assertThat(ExerciseAndProgressCues.of(m)).as(m).isNotEqualTo(java.util.Optional.of(Intent.EXERCISE_REQUEST));
        }
    }

    @Test
    void practiceAskedForAsAQuestionOrATopicAndAPracticeWordIsAnExerciseRequest() {
        for (String m : new String[] {"which challenges are there for dictionaries", "is there a quiz on tuples",
            "string methods drill", "ask me a few questions on loops"}) {
            assertThat(ExerciseAndProgressCues.of(m)).as(m).contains(Intent.EXERCISE_REQUEST);
        }
        for (String m : new String[] {"what is a quiz app in python", "exercise 4 keeps crashing",
            "my exercise solution times out on big lists"}) {
            assertThat(ExerciseAndProgressCues.of(m)).as(m).isEmpty();
        }
        assertThat(ExerciseAndProgressCues.of("how do i track my progress in a while loop")).isEmpty();
    }

    @Test
    void askingAboutOnesOwnImprovementAndMistakesIsAProgressQuestion() {
        for (String m : new String[] {"am i getting better at loops", "am i progressing with functions?",
            "which mistakes did i make this week", "what kind of mistakes do i make",
            "have i finished the strings lessons", "did i fail the quiz on functions", "which topics am i weakest in",
            "what did i get wrong yesterday", "what should i pick next", "have i nailed dictionaries yet",
            "how well am i doing in sets"}) {
            assertThat(ExerciseAndProgressCues.of(m)).as(m).contains(Intent.PROGRESS_QUESTION);
        }
        assertThat(ExerciseAndProgressCues.of("what mistakes do beginners make with loops")).isEmpty();
    }

    @Test
    void askingWhatToChangeIsAnOpinion() {
        assertThat(ReviewCues.asksForAnOpinion("anything i could improve here?")).isTrue();
        assertThat(ReviewCues.asksForAnOpinion("something i should tweak?")).isTrue();
        assertThat(ReviewCues.asksForAnOpinion("what i need to change to make it print twice")).isFalse();
    }

    @Test
    void standardModulesArePythonAndAQuestionMidMessageIsAQuestion() {
        assertThat(PythonTerms.named("how does heapq work")).isTrue();
        assertThat(PythonTerms.named("can you explain how to use pdb")).isTrue();
        assertThat(PythonTerms.asksHowOrWhat("in the sorting task what does sorted return")).isTrue();
        assertThat(PythonTerms.asksHowOrWhat("give me a task on sorting")).isFalse();
    }
}
