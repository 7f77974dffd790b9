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
    void aNameUnequalToOneValueOrAnotherIsAlwaysTrue() {
        String text = AnswerText.silentMistakes("cmd = ''\nwhile cmd != 'exit' or cmd != 'x':\n    cmd = input()\n");
        assertThat(text).contains("line 2").contains("`cmd != 'exit' or cmd != 'x'`").contains("always true")
                .doesNotContain("cmd != 'exit' and");
        // joined with and, or the same value twice, it is no such mistake
        assertThat(AnswerText.silentMistakes("cmd = ''\nwhile cmd != 'exit' and cmd != 'x':\n    cmd = input()\n")).isEmpty();
        assertThat(AnswerText.silentMistakes("cmd = ''\nwhile cmd != 'x' or cmd != 'x':\n    cmd = input()\n")).isEmpty();
    }

    @Test
    void decimalsComparedAfterArithmeticAreNoted() {
        assertThat(AnswerText.silentMistakes("if 0.1 * 3 == 0.3:\n    print('equal')\n")).contains("line 1")
                .contains("close enough");
        assertThat(AnswerText.silentMistakes("price = 9.99\nif price == 9.99:\n    print('ok')\n")).isEmpty();
    }

    @Test
    void aLoopElseWithoutBreakRunsEveryTime() {
        String text = AnswerText.silentMistakes("pets = ['cat', 'dog']\nfor p in pets:\n    if p == 'dog':\n"
                + "        print('found the dog')\n\nelse:\n    print('no dog')\n");
        assertThat(text).contains("line 6").contains("`for` loop on line 2").contains("runs every time");
        // a break of its own: the else is skipped when it breaks
        assertThat(AnswerText.silentMistakes("pets = ['cat', 'dog']\nfor p in pets:\n    if p == 'dog':\n"
                + "        break\nelse:\n    print('no dog')\n")).isEmpty();
        // a break of an inner loop is not the outer loop's
        assertThat(AnswerText.silentMistakes("n = 3\nwhile n > 0:\n    n -= 1\n    for k in range(5):\n"
                + "        if k == 2:\n            break\nelse:\n    print('done')\n")).contains("line 7")
                .contains("`while` loop on line 2");
        // an if's else is no loop's
        assertThat(AnswerText.silentMistakes("for p in ['a']:\n    if p == 'a':\n        print(1)\n    else:\n"
                + "        print(2)\n")).isEmpty();
    }

    @Test
    void aParameterGivenANewValueThatNeverLeavesTheFunction() {
        String text = AnswerText.silentMistakes("def double(amount):\n    amount = amount * 2\n\nprice = 5\n"
                + "double(price)\nprint(price)\n");
        assertThat(text).contains("line 2").contains("`amount = amount * 2`").contains("inside `double` only")
                .doesNotContain("return amount");
        assertThat(AnswerText.silentMistakes("def tick(count):\n    count += 1\n\ntick(0)\n")).contains("line 2");
        // handed back, read again, or changed in place: fine
        assertThat(AnswerText.silentMistakes("def double(amount):\n    amount = amount * 2\n    return amount\n"))
                .isEmpty();
        assertThat(AnswerText.silentMistakes("def greet(name=None):\n    if name is None:\n        name = 'you'\n"
                + "    print('hi', name)\n")).isEmpty();
        assertThat(AnswerText.silentMistakes("def countdown(n):\n    while n > 0:\n        print(n)\n"
                + "        n -= 1\n")).isEmpty();
        assertThat(AnswerText.silentMistakes("def add(items, x):\n    items += [x]\n")).isEmpty();
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
