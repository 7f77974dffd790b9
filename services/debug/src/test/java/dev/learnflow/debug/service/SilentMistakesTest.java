package dev.learnflow.debug.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes that run cleanly, read off the lines of code that finished without an error (session 38): each is pointed
 * at with its line and a question, never with the corrected line; code without them gets nothing. Own examples.
 */
class SilentMistakesTest {

    @Test
    void aThrownAwayStringResultIsPointedAtWithItsLine() {
        String text = AnswerText.silentMistakes("word = 'hello world'\nword.replace('world', 'there')\nprint(word)\n");
        assertThat(text).contains("line 2").contains("`word.replace('world', 'there')`").contains("**new** string")
                .contains("`.replace()`").doesNotContain("word = word.replace");
        assertThat(AnswerText.silentMistakes("name = input()\nname.strip()  # tidy\n")).contains("line 2")
                .contains("`name.strip()`").doesNotContain("# tidy");
    }

    @Test
    void aThrownAwayBuiltInResultIsPointedAt() {
        assertThat(AnswerText.silentMistakes("nums = [3, 1, 2]\nsorted(nums)\nprint(nums)\n")).contains("line 2")
                .contains("`sorted(nums)`").contains("leaves `nums` as it was");
        assertThat(AnswerText.silentMistakes("age = '12'\nint(age)\nprint(age + 1)\n")).contains("`int(age)`");
    }

    @Test
    void anOrWithABareValueIsAlwaysTrue() {
        String text = AnswerText.silentMistakes("colour = 'green'\nif colour == 'red' or 'blue':\n    print('primary')\n");
        assertThat(text).contains("line 2").contains("`(colour == 'red') or 'blue'`").contains("always true");
        assertThat(AnswerText.silentMistakes("n = 3\nwhile n == 1 or 2:\n    n -= 1\n")).contains("`(n == 1) or 2`");
        // a comparison on both sides is fine
        assertThat(AnswerText.silentMistakes("c = 'x'\nif c == 'red' or c == 'blue':\n    print(c)\n")).isEmpty();
    }

    @Test
    void decimalsComparedAfterArithmeticAreNoted() {
        assertThat(AnswerText.silentMistakes("if 0.1 * 3 == 0.3:\n    print('equal')\n")).contains("line 1")
                .contains("close enough");
        assertThat(AnswerText.silentMistakes("price = 9.99\nif price == 9.99:\n    print('ok')\n")).isEmpty();
    }

    @Test
    void codeWithoutThemGetsNothingAndAtMostTwoAreNoted() {
        assertThat(AnswerText.silentMistakes("s = 'abc'\ns = s.upper()\nnums = sorted([3, 1])\nprint(s, nums)\n"))
                .isEmpty();
        assertThat(AnswerText.silentMistakes(null)).isEmpty();
        String three = AnswerText.silentMistakes("a = 'x'\na.upper()\na.lower()\na.strip()\n");
        assertThat(three).contains("line 2").contains("line 3").doesNotContain("line 4");
    }
}
