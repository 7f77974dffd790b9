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

    @Test
    void aPastedTracebackIsNeverTakenForTheCode() {
        String traceback = "Traceback (most recent call last):\n  File \"shop.py\", line 9, in <module>\n"
                + "    main()\n  File \"shop.py\", line 6, in main\n    print(prices[3])\n"
                + "IndexError: list index out of range";

        assertThat(InlineCode.extract("help?\n" + traceback).code()).isEmpty();

        InlineCode.Split both = InlineCode.extract("why??\nprices = [1, 2]\nfor p in prices:\n    print(p)\n"
                + "print(prices[3])\n" + traceback);
        assertThat(both.code()).contains("prices = [1, 2]\nfor p in prices:\n    print(p)\nprint(prices[3])\n");
        assertThat(both.prose()).startsWith("why?? Traceback (most recent call last):")
                .endsWith("IndexError: list index out of range");
    }

    @Test
    void codePastedWithoutFencesOrIndentationIsTheCode() {
        InlineCode.Split split = InlineCode.extract("can this be shorter?\nsquares = []\nfor n in nums:\n"
                + "    squares.append(n * n)\nprint(squares)");

        assertThat(split.form()).isEqualTo("indented");
        assertThat(split.code()).contains("squares = []\nfor n in nums:\n    squares.append(n * n)\nprint(squares)\n");
        assertThat(split.prose()).isEqualTo("can this be shorter?");
    }

    @Test
    void oneStatementAfterTheQuestionIsCodeWhenItReadsAsCode() {
        InlineCode.Split call = InlineCode.extract("good enough? max(scores, key=len)");
        assertThat(call.code()).contains("max(scores, key=len)\n");
        assertThat(call.prose()).isEqualTo("good enough?");

        InlineCode.Split broken = InlineCode.extract("what's wrong here? while x < 3 print(x)");
        assertThat(broken.code()).as("a statement with a syntax error is still the student's code")
                .contains("while x < 3 print(x)\n");

        for (String prose : new String[] {"ok. total = 5 is what i expect", "Why? len(x) is smaller than i thought",
            "help: my loop prints stuff"}) {
            assertThat(InlineCode.extract(prose).code()).as(prose).isEmpty();
        }
    }

    @Test
    void aBlockBodyIndentedByTwoSpacesAndAHeaderWithoutItsColonAreCode() {
        InlineCode.Split twoSpaces = InlineCode.extract("does this follow the style guide?\ndef Mul( x,y ):\n  return x*y");
        assertThat(twoSpaces.code()).contains("def Mul( x,y ):\n  return x*y\n");
        assertThat(twoSpaces.prose()).isEqualTo("does this follow the style guide?");

        // what a student with a syntax error pastes
        InlineCode.Split noColon = InlineCode.extract("weird error here\nfor n in range(3)\n    print(n)");
        assertThat(noColon.code()).contains("for n in range(3)\n    print(n)\n");
    }

    @Test
    void oneStatementOnTheLineAfterTheQuestionIsTheCode() {
        InlineCode.Split split = InlineCode.extract("thoughts on this?\nprint('big' if n > 9 else 'small')");
        assertThat(split.code()).contains("print('big' if n > 9 else 'small')\n");
        assertThat(split.prose()).isEqualTo("thoughts on this?");
    }

    @Test
    void whenOnlyCodeIsSentItsCommentsAreTheQuestion() {
        InlineCode.Split split = InlineCode.extract("def half(n):\n    n / 2\nprint(half(8))  # why None??");
        assertThat(split.code()).isPresent();
        assertThat(split.prose()).isEqualTo("why None??");
    }

    @Test
    void aBuiltInNameWrittenAsACallIsAQuestionAboutItNotCode() {
        for (String question : new String[] {"reversed()", "enumerate()", "str.split()"}) {
            assertThat(InlineCode.extract(question).code()).as(question).isEmpty();
        }
    }
}
