package dev.learnflow.triage.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Code typed into the question: the three forms students use, and prose that only looks a little like code. */
class InlineCodeTest {

    @Test
    void aFencedBlockIsTheCodeAndTheRestIsTheQuestion() {
        InlineCode.Split split = InlineCode.extract("why does this crash?\n```python\nxs = [1, 2]\nprint(xs[2])\n```\n"
                + "thanks");

        assertThat(split.form()).isEqualTo("fenced");
        assertThat(split.code()).contains("xs = [1, 2]\nprint(xs[2])\n");
        assertThat(split.prose()).isEqualTo("why does this crash? thanks");
    }

    @Test
    void anIndentedBlockIsTheCode() {
        InlineCode.Split split = InlineCode.extract("Is this pythonic?\n\n    def f(l):\n        r = []\n"
                + "        for i in range(len(l)):\n            r.append(l[i] * 2)\n        return r\n\nthanks!");

        assertThat(split.form()).isEqualTo("indented");
        assertThat(split.code().orElseThrow()).startsWith("def f(l):\n    r = []\n    for i in range(len(l)):\n")
                .contains("        r.append(l[i] * 2)\n    return r");
        assertThat(split.prose()).isEqualTo("Is this pythonic? thanks!");
    }

    @Test
    void aWhileOneLinerIsUnfoldedIntoRunnableLines() {
        InlineCode.Split split = InlineCode.extract("My loop never stops: i = 0; while i < 10: print(i)");

        assertThat(split.form()).isEqualTo("one-liner");
        assertThat(split.code()).contains("i = 0\nwhile i < 10:\n    print(i)\n");
        assertThat(split.prose()).isEqualTo("My loop never stops:");
    }

    @Test
    void aFunctionOneLinerKeepsItsBlocksAndItsFinalReturnInTheFunction() {
        InlineCode.Split split = InlineCode.extract("is this code pythonic? def f(l): r=[] ; for i in range(len(l)): "
                + "r.append(l[i]); return r");

        assertThat(split.code()).contains("def f(l):\n    r=[]\n    for i in range(len(l)):\n        r.append(l[i])\n"
                + "    return r\n");
        assertThat(split.prose()).isEqualTo("is this code pythonic?");
    }

    @Test
    void anEllipsisInAOneLinerStaysAPlaceholderStatement() {
        InlineCode.Split split = InlineCode.extract("is this code pythonic? def f(l): r=[] ; for i in range(len(l)): …");

        assertThat(split.code()).contains("def f(l):\n    r=[]\n    for i in range(len(l)):\n        ...\n");
    }

    @Test
    void proseAfterTheOneLinerStaysWithTheQuestion() {
        InlineCode.Split split = InlineCode.extract("n = 5; while n != 0: n -= 2 why does it never stop?");

        assertThat(split.code()).contains("n = 5\nwhile n != 0:\n    n -= 2\n");
        assertThat(split.prose()).isEqualTo("why does it never stop?");
    }

    @Test
    void elseClosesTheIfBlock() {
        assertThat(InlineCode.unfold(InlineCode.statements("if x > 1: print('big'); else: print('small')")))
                .isEqualTo("if x > 1:\n    print('big')\nelse:\n    print('small')\n");
    }

    @Test
    void semicolonsInsideStringsAndBracketsDoNotSplit() {
        assertThat(InlineCode.statements("s = 'a;b'; t = f(1, ';'); u = 2"))
                .containsExactly("s = 'a;b'", "t = f(1, ';')", "u = 2");
    }

    @Test
    void aCodeSpanInBackticksIsTaken() {
        InlineCode.Split split = InlineCode.extract("why does `print(nums.sort())` print None?");

        assertThat(split.code()).contains("print(nums.sort())\n");
        assertThat(split.form()).isEqualTo("backticks");
    }

    @Test
    void plainQuestionsHaveNoCode() {
        for (String question : new String[] {"What is a list comprehension?", "if I use a while loop, how does it "
                + "end?", "f(3) returns 8 but should be 5", "what does the yield keyword do", "Why does `yield` "
                + "exist?", "I keep getting IndexError on line 5, why?", "hi; how are you? what is a dict"}) {
            assertThat(InlineCode.extract(question).code()).as(question).isEmpty();
        }
    }
}
