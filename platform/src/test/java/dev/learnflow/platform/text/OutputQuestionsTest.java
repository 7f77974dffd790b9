package dev.learnflow.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputQuestionsTest {

    @Test
    void wordsThatOnlyAskWhatTheCodeGivesOrNameItsOwnNames() {
        String loop = "count = 0\nfor i in range(3):\n    count += i\nprint(count)\n";
        for (String prose : new String[] {"predict the output", "what is count at the end", "whats printed?",
                "wht does this give", "quiz: what gets printed", "will this print true or false"}) {
            assertThat(OutputQuestions.onlyAsksWhatCodeGives(prose, loop)).as(prose).isTrue();
        }
        for (String prose : new String[] {"why is the second one different?", "is this pythonic",
                "how do i make it faster", "what is total at the end", ""}) {
            assertThat(OutputQuestions.onlyAsksWhatCodeGives(prose, loop)).as(prose).isFalse();
        }
        assertThat(OutputQuestions.onlyAsksWhatCodeGives("what does it print", null)).isFalse();
    }

    @Test
    void theCodeIsTakenOutOfTheQuestionAsWholeNames() {
        assertThat(OutputQuestions.proseAround("```python\nfor i in range(6):\n    print(i)\n```\nwhat numbers get "
                + "printed", "for i in range(6):\n    print(i)")).isEqualTo("what numbers get printed");
        assertThat(OutputQuestions.proseAround("a = [1]; b = a; print(b) what is b", "a = [1]\nb = a\nprint(b)"))
                .isEqualTo("what is b");
        assertThat(OutputQuestions.proseAround("what is the output of 3 * '2'", "print(3 * '2')"))
                .isEqualTo("what is the output of");
    }

    @Test
    void theTextAskedAboutIsFoundAfterOrBetweenTheAskingWords() {
        assertThat(OutputQuestions.textAskedAbout("what is the output of `2 ** 3`?")).hasValue("2 ** 3");
        assertThat(OutputQuestions.textAskedAbout("wht does {1,2,3} - {2} give me")).hasValue("{1,2,3} - {2}");
        assertThat(OutputQuestions.textAskedAbout("whats the result of 7 % 3, and why?")).hasValue("7 % 3");
        assertThat(OutputQuestions.textAskedAbout("what is 10 / 4 in python")).hasValue("10 / 4");
        assertThat(OutputQuestions.textAskedAbout("how do loops work")).isEmpty();
        assertThat(OutputQuestions.asksWhatCodeGives("predict the output of this")).isTrue();
        assertThat(OutputQuestions.asksWhatCodeGives("what is a lambda")).isFalse();
    }
}
