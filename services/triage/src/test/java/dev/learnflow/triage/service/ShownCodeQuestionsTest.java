package dev.learnflow.triage.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code shown with a question about how Python treats a piece of it (issue 17): the concepts lane explains it with the
 * code's run; the debugging lane, told of nothing wrong, could only say the code ran. The lanes: {@code
 * ShownCodeLaneTest}. Own wording, not from the development sets.
 */
class ShownCodeQuestionsTest {

    @Test
    void aPieceOfTheCodeQuotedWithWhatItDoesIsAQuestionAboutPython() {
        assertThat(ShownCodeQuestions.asksHowPythonTreatsIt("what does [::2] do here, saw it in a tutorial",
                "word = 'abcdef'\nprint(word[::2])\n")).isTrue();
        assertThat(ShownCodeQuestions.asksHowPythonTreatsIt("what is key=len doing?",
                "names = ['bo', 'alice']\nprint(sorted(names, key=len))\n")).isTrue();
        assertThat(ShownCodeQuestions.asksHowPythonTreatsIt("what does the -> int mean",
                "def area(w: int, h: int) -> int:\n    return w * h\n")).isTrue();
        assertThat(ShownCodeQuestions.asksHowPythonTreatsIt("how does this reverse the list without a loop??",
                "nums = [1, 2, 3]\nnums = nums[::-1]\n")).isTrue();
        // a piece the code does not hold, or the words of the sentence, are no quote of it
        assertThat(ShownCodeQuestions.asksHowPythonTreatsIt("what does yield do",
                "def f():\n    return [1, 2]\n")).isFalse();
        assertThat(ShownCodeQuestions.asksHowPythonTreatsIt("what does it do wrong, it prints 3 not 4",
                "print(1 + 2)\n")).isFalse();
        assertThat(ShownCodeQuestions.asksHowPythonTreatsIt("how does this not work, it should print 6",
                "print(sum([1, 2]))\n")).isFalse();
    }
}
