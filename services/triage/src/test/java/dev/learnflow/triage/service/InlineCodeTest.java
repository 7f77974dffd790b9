package dev.learnflow.triage.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Code typed into the question: the three forms students use, and prose that only looks a little like code. */
class InlineCodeTest {

    /**
     * What a student typed, the form its code was found in, the code, and the question that remains; a null form or
     * question is not checked there.
     */
    static Stream<Arguments> codeInTheQuestion() {
        return Stream.of(
                arguments("a fenced block is the code, the rest the question",
                        "why does this crash?\n```python\nxs = [1, 2]\nprint(xs[2])\n```\nthanks", "fenced",
                        "xs = [1, 2]\nprint(xs[2])\n", "why does this crash? thanks"),
                arguments("a while one-liner is unfolded into runnable lines",
                        "My loop never stops: i = 0; while i < 10: print(i)", "one-liner",
                        "i = 0\nwhile i < 10:\n    print(i)\n", "My loop never stops:"),
                arguments("a function one-liner keeps its blocks and its final return in the function",
                        "is this code pythonic? def f(l): r=[] ; for i in range(len(l)): r.append(l[i]); return r",
                        null, "def f(l):\n    r=[]\n    for i in range(len(l)):\n        r.append(l[i])\n"
                                + "    return r\n", "is this code pythonic?"),
                arguments("an ellipsis in a one-liner stays a placeholder statement",
                        "is this code pythonic? def f(l): r=[] ; for i in range(len(l)): …", null,
                        "def f(l):\n    r=[]\n    for i in range(len(l)):\n        ...\n", null),
                arguments("prose after the one-liner stays with the question",
                        "n = 5; while n != 0: n -= 2 why does it never stop?", null,
                        "n = 5\nwhile n != 0:\n    n -= 2\n", "why does it never stop?"),
                arguments("a code span in backticks is taken", "why does `print(nums.sort())` print None?",
                        "backticks", "print(nums.sort())\n", null),
                arguments("code pasted without fences or indentation is the code",
                        "can this be shorter?\nsquares = []\nfor n in nums:\n    squares.append(n * n)\n"
                                + "print(squares)", "indented",
                        "squares = []\nfor n in nums:\n    squares.append(n * n)\nprint(squares)\n",
                        "can this be shorter?"),
                arguments("one statement after the question is code when it reads as code",
                        "good enough? max(scores, key=len)", null, "max(scores, key=len)\n", "good enough?"),
                arguments("a statement with a syntax error is still the student's code",
                        "what's wrong here? while x < 3 print(x)", null, "while x < 3 print(x)\n", null),
                arguments("a block body indented by two spaces is code",
                        "does this follow the style guide?\ndef Mul( x,y ):\n  return x*y", null,
                        "def Mul( x,y ):\n  return x*y\n", "does this follow the style guide?"),
                arguments("a block header without its colon is code (what a student with a syntax error pastes)",
                        "weird error here\nfor n in range(3)\n    print(n)", null, "for n in range(3)\n    print(n)\n",
                        null),
                arguments("'true or false?' after the code is the question",
                        "x = None; print(x is None) true or false?", "one-liner", "x = None\nprint(x is None)\n",
                        "true or false?"),
                arguments("a quiz's statement after 'the output of' is the code",
                        "what is the output of print(2 ** 3 ** 2)", null, "print(2 ** 3 ** 2)\n",
                        "what is the output of"),
                arguments("one statement on the line after the question is the code",
                        "thoughts on this?\nprint('big' if n > 9 else 'small')", null,
                        "print('big' if n > 9 else 'small')\n", "thoughts on this?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codeInTheQuestion")
    void theCodeIsTakenOutOfTheQuestion(String why, String typed, String form, String code, String question) {
        InlineCode.Split split = InlineCode.extract(typed);

        assertThat(split.code()).contains(code);
        if (form != null) {
            assertThat(split.form()).isEqualTo(form);
        }
        if (question != null) {
            assertThat(split.prose()).isEqualTo(question);
        }
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
    void decoratorsNestedIndexesAndCommentsBelongToTheBlock() {
        InlineCode.Split decorated = InlineCode.extract("which is nicer, this or a plain class?\n\n@dataclass\n"
                + "class Card:\n    rank: int\n    suit: str");
        assertThat(decorated.code()).contains("@dataclass\nclass Card:\n    rank: int\n    suit: str\n");
        assertThat(decorated.prose()).isEqualTo("which is nicer, this or a plain class?");
        // m[1][2] = 5 is an assignment; the comment under the code is where the student asked
        InlineCode.Split nested = InlineCode.extract("m = [[0, 0, 0] for _ in range(3)]\nm[1][2] = 5\nprint(m)\n"
                + "# why is it all zeros except one??");
        assertThat(nested.code()).isPresent();
        assertThat(nested.code().get()).contains("m[1][2] = 5");
        assertThat(nested.prose()).contains("why is it all zeros except one");
    }

    @Test
    void proseAfterAOneLinerStartsAtItsSentence() {
        InlineCode.Split split = InlineCode.extract("for w in words: counts.append(len(w)). But the counts are all 0, "
                + "why");
        assertThat(split.code()).isPresent();
        assertThat(split.code().get()).doesNotContain("But");
        assertThat(split.prose()).contains("the counts are all 0");
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
    void proseWithAStatementInsideIsNotCode() {
        for (String prose : new String[] {"ok. total = 5 is what i expect", "Why? len(x) is smaller than i thought",
            "help: my loop prints stuff"}) {
            assertThat(InlineCode.extract(prose).code()).as(prose).isEmpty();
        }
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

    @Test
    void wordsAfterACallOnACodeLineAreTheStudentsNotTheCodes() {
        InlineCode.Split split = InlineCode.extract(
                "def twice(n):\n    return n + n\nprint(twice(3)) gives 9 instead of 6");
        assertThat(split.code()).hasValue("def twice(n):\n    return n + n\nprint(twice(3))\n");
        assertThat(split.prose()).isEqualTo("gives 9 instead of 6");
        // a comparison in the code stays code
        split = InlineCode.extract("def check(s):\n    if s.isdigit() is True:\n        return 1\n    return 0");
        assertThat(split.code().orElseThrow()).contains("if s.isdigit() is True:");
    }

    @Test
    void anExpressionAskedTheValueOfIsRunPrinted() {
        java.util.Map<String, String> asked = new java.util.LinkedHashMap<>();
        asked.put("whats the output of [x*2 for x in range(4) if x % 2]", "print([x*2 for x in range(4) if x % 2])\n");
        asked.put("what is the result of 2 ** 3 ** 2?", "print(2 ** 3 ** 2)\n");
        asked.put("What does 7 // 2 give in python?", "print(7 // 2)\n");
        asked.put("what is 10 // 4", "print(10 // 4)\n");
        asked.put("what is the result of 10 / 4", "print(10 / 4)\n");
        asked.put("quiz: evaluate not [] or 'empty'", "print(not [] or 'empty')\n");
        asked.put("what will \"ab\" * 3 print", "print(\"ab\" * 3)\n");
        asked.put("what is the value of sorted(['b', 'A', 'c'], key=str.lower)", "print(sorted(['b', 'A', 'c'], key=str.lower))\n");
        asked.put("what's the output of len('hello') + 1, and why?", "print(len('hello') + 1)\n");
        asked.put("what is the output of `'abc'.upper()[::-1]`", "print('abc'.upper()[::-1])\n");
        asked.put("what is the output of print(3 > 2 > 1)", "print(3 > 2 > 1)\n");
        asked.forEach((question, code) -> {
            InlineCode.Split split = InlineCode.extract(question);
            assertThat(split.code()).as(question).hasValue(code);
            assertThat(split.form()).as(question).isEqualTo("expression");
        });
        assertThat(InlineCode.extract("whats the output of [x*2 for x in range(4) if x % 2]").prose())
                .isEqualTo("whats the output of");
    }

    @Test
    void wordsOrNamesTheQuestionNeverGivesAreNotAValueToRun() {
        for (String question : new String[] {"what is the result of dividing 7 by 2", "what is the value of pi",
                "what is the output of my function", "what is x + 1", "what is list[0]", "what is a lambda",
                "what is the output of nums[0] * 2", "what is 2+2", "whats 15 * 3", "what does the // sign mean", "what is 2**x",
                "what does math.sqrt(16) return"}) {
            assertThat(InlineCode.extract(question).form()).as(question).isNotEqualTo("expression");
        }
    }
}
