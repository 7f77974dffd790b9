package dev.learnflow.debug;

import dev.learnflow.debug.domain.Expectations;
import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.debug.service.ExpectationParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a student states what their program should do becomes a test case the harness can run. */
class ExpectationParserTest {

    static final String FIB = "def fibonacci(n):\n    a, b = 0, 1\n    for i in range(n + 1):\n        a, b = b, a + b\n"
            + "    return a\n";
    static final String DEDUPE = "def f(items):\n    out = []\n    for x in items:\n        out.append(x)\n"
            + "    return out\n";
    static final String AVG = "def avg(nums):\n    return sum(nums) // len(nums)\n";
    static final String SCRIPT = "n = int(input())\nprint(n - 1)\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fibonacci(5) returns 8 but the tests expect 5|fibonacci(5)|5|8",
        "my fibonacci returns 8 instead of 5 for n=5|fibonacci(5)|5|8",
        "fibonacci(5) gives 8, expected 5|fibonacci(5)|5|8",
        "fibonacci(5) returned 8, expected 5|fibonacci(5)|5|8",
        "Expected 5 but got 8 from fibonacci(5)|fibonacci(5)|5|8",
        "fibonacci(5) should be 5 but I get 8|fibonacci(5)|5|8",
        "fibonacci(5) should return 5, not 8|fibonacci(5)|5|8",
        "why does fibonacci(5) = 8? it should be 5|fibonacci(5)|5|8",
        "when n is 5 fibonacci returns 8 but I want 5|fibonacci(5)|5|8",
        "fibonacci(n=5) is 8 instead of 5|fibonacci(n=5)|5|8",
        "For n = 5 my function gives 8 though the correct answer is 5|fibonacci(5)|5|8",
        "fibonacci(5) outputs `8` but is supposed to be `5`|fibonacci(5)|5|8",
        "why does fibonacci(5) give 8?? shouldnt it be 5|fibonacci(5)|5|8",
        "fibonacci(5) shoud return 5 but its 8|fibonacci(5)|5|8",
        "fibonacci(5) says 8 but the answer for five is 5|fibonacci(5)|5|8",
        "fibonacci(5) returns 8 but i want the number 5|fibonacci(5)|5|8",
    })
    void callPhrasings(String question, String call, String expected, String actual) {
        TestCase c = only(ExpectationParser.parse(question, null, FIB));

        assertCase(c, call, expected, actual);
        assertThat(c.source()).isEqualTo("question");
    }

    @Test
    void listsAndFloatsAndTheErrorField() {
        TestCase lists = only(ExpectationParser.parse(null, "f([1,2,2]) gives [1,2,2], expected [1,2]", DEDUPE));
        assertCase(lists, "f([1,2,2])", "[1,2]", "[1,2,2]");
        assertThat(lists.source()).isEqualTo("error");

        TestCase floats = only(ExpectationParser.parse("avg([1,2]) should be 1.5 but I get 1", null, AVG));
        assertCase(floats, "avg([1,2])", "1.5", "1");

        TestCase words = only(ExpectationParser.parse("f(['a']) returns None instead of an empty list", null,
                DEDUPE));
        assertThat(words.expected()).isEqualTo("[]");
        assertThat(words.claimed()).isEqualTo("None");
    }

    @Test
    void aCallWhoseArgumentsAreCallsIsTheOuterCall() {
        String code = "def make(a, b):\n    return a + b\n\ndef same_total(a, b):\n    return a is b\n";
        TestCase c = only(ExpectationParser.parse(null,
                "Test 2 failed: same_total(make(1, 2), make(3, 0)): expected True, got False", code));
        assertThat(c.call()).isEqualTo("same_total(make(1, 2), make(3, 0))");
        assertThat(c.expected()).isEqualTo("True");
    }

    @Test
    void whatAProgramWithFunctionsPrintsIsItsWholeRun() {
        String code = "def total(prices):\n    for p in prices:\n        return p\n\ndef show(label, value):\n"
                + "    return label + ': ' + str(value)\n\nprint(show('Total', total([2, 3])))\n";
        TestCase c = only(ExpectationParser.parse("it prints Total: 2 but it should be Total: 5", null, code));
        assertThat(c.call()).isNull();
        assertThat(c.stdin()).isEmpty();
        assertThat(c.expected()).isEqualTo("Total: 5");
        assertThat(c.claimed()).isEqualTo("Total: 2");
    }

    @Test
    void anOutputPastedAfterTheWordsSaidWhatItShouldGiveIsWhatItGave() {
        String code = "def grow(balance, rates):\n    factor = 0\n    for r in rates:\n        factor *= 1 + r / 100\n"
                + "    return balance * factor\n\nprint('Savings:', grow(1000, [5, 5, 5]))\n";
        List<TestCase> cases = ExpectationParser.parse("my balance is 0 ?? with 5% a year it should be around 1157. "
                + "output:", "Savings: 0.0", code).cases();
        assertThat(cases).noneMatch(c -> "Savings: 0.0".equals(c.expected()));
    }

    @Test
    void whatWasTypedInOneSentenceIsTheInputOfTheNext() {
        String code = "height = int(input('How tall? '))\nfor step in range(1, height):\n    print('step', step)\n"
                + "print('Top reached!')\n";
        List<TestCase> cases = ExpectationParser.parse("when i type 5 it only draws 4 steps and then says Top reached!. "
                + "I want 5 steps, the last one should be step 5", null, code).cases();
        assertThat(cases).isNotEmpty().allMatch(c -> c.stdin() != null && c.stdin().startsWith("5"));
    }

    @Test
    void typedInputAndPrintedOutput() {
        TestCase c = only(ExpectationParser.parse("when I enter 4 it prints 3 but should print 4", null, SCRIPT));
        assertThat(c.stdin()).isEqualTo("4\n");
        assertCase(c, null, "4", "3");

        TestCase two = only(ExpectationParser.parse("If I type 3 and 5 I get 2 instead of 8", null,
                "a = int(input())\nb = int(input())\nprint(b - a)\n"));
        assertThat(two.stdin()).isEqualTo("3\n5\n");
        assertThat(two.expected()).isEqualTo("8");

        // a program that asks twice, both answers told in one clause around other words
        String bill = "bill = float(input('Bill: '))\npeople = int(input('People: '))\nprint(bill / people)\n";
        assertThat(ExpectationParser.stdinIn("i put 100 for the bill and 3 people. it says 33", bill)).contains("100\n3\n");
        String count = "word = input('Word: ')\nletter = input('Letter: ')\nprint(word.count(letter))\n";
        assertThat(ExpectationParser.stdinIn("i type banana and a and it says 4", count)).contains("banana\na\n");

        TestCase pair = only(ExpectationParser.parse("Input: 7\nExpected output: 7", null, SCRIPT));
        assertThat(pair.stdin()).isEqualTo("7\n");
        assertThat(pair.expected()).isEqualTo("7");
        assertThat(pair.source()).isEqualTo("stdin");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // question or error | program | typed in | expected output | printed now
        "if I input 3 the output should be\\n1\\n2\\n3|n = int(input())\\nfor i in range(1, n):\\n    print(i)|3|1\\n2\\n3|-",
        "Expected output:\\n1\\n2\\n3\\nActual output:\\n1\\n2|for i in range(1, 3):\\n    print(i)||1\\n2\\n3|1\\n2",
        "Sample input: 4\\nSample output: 16|n = int(input())\\nprint(n - 1)|4|16|-",
        "Input: a abc ab\\nExpected output: abc|words = input().split()\\nprint(max(words))|a abc ab|abc|-",
        // what the student said about a script that reads input() and prints words
        "if i put in 6 i expect the total to be 36 but it shows 12|x = input()\\nprint(x)|6|36|12",
        "When I type 3 it says Nope! but it should say You got it after 2 tries|x = input()\\nprint(x)|3|You got it after 2 tries|Nope!",
        "I typed Oslo and it printed Wrong, expected Correct!|x = input()\\nprint(x)|Oslo|Correct!|Wrong",
        "when I enter nothing it should print total: 0 but it crashes|x = input()\\nprint(x)|\\n|total: 0|-",
        "if I just press enter it should say empty, it crashes|x = input()\\nprint(x)|\\n|empty|-",
        "when I type ab and then abcdefg it should say accepted but it keeps asking|x = input()\\nprint(x)|ab\\nabcdefg|accepted|-",
        "if I enter 4 the last line should be 4 x 10 = 40 but it stops at 4 x 9 = 36|x = input()\\nprint(x)|4|4 x 10 = 40|-",
        "typing 12 gives small, it should be large|x = input()\\nprint(x)|12|large|small",
        "if I type 5 it should end with Done! but it keeps printing 5|x = input()\\nprint(x)|5|Done!|-",
    })
    void programsThatReadInputAndPrint(String said, String program, String typed, String output, String printed) {
        TestCase c = only(ExpectationParser.parse(said.replace("\\n", "\n"), null,
                program.replace("\\n", "\n") + "\n"));
        String stdin = typed == null ? "" : typed.replace("\\n", "\n");
        assertThat(c.stdin()).isEqualTo(stdin.isEmpty() || stdin.endsWith("\n") ? stdin : stdin + "\n");
        assertCase(c, null, output.replace("\\n", "\n"), printed == null ? null : printed.replace("\\n", "\n"));
    }

    @Test
    void wordsThatSayWhatToDoAreNotPrintedOutput() {
        assertThat(ExpectationParser.parse("when I enter 3 it should work but it doesn't", null,
                "x = input()\nprint(x)\n").any()).isFalse();
        assertThat(ExpectationParser.parse("it should stop when I type q", null,
                "x = input()\nprint(x)\n").any()).isFalse();
    }

    @Test
    void anExpectationWrittenOnlyAsAComment() {
        List<TestCase> printed = ExpectationParser.parse(null, null,
                "def triple(x):\n    return x + 3\n\nprint(triple(4))  # should print 12\n").cases();
        assertThat(printed).extracting(TestCase::call, TestCase::expected, TestCase::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("triple(4)", "12", "comment"));

        List<TestCase> arrow = ExpectationParser.parse("", null,
                "def evens(n):\n    return list(range(0, n, 2))\n# evens(6) -> [0, 2, 4, 6]\n").cases();
        assertThat(arrow).extracting(TestCase::call, TestCase::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("evens(6)", "[0, 2, 4, 6]"));

        assertThat(ExpectationParser.parse(null, null, "def f(x):\n    # add one to x\n    return x + 1\n").any())
                .isFalse();
    }

    @Test
    void withoutAnInputTheCallsInTheCodeAreCandidates() {
        String code = FIB + "\nprint(fibonacci(5))\nprint(fibonacci(2))\n";
        TestCase c = only(ExpectationParser.parse("my fibonacci returns 8 instead of 5", null, code));
        assertThat(c.call()).isNull();
        assertThat(c.candidates()).containsExactly("fibonacci(5)", "fibonacci(2)");
        assertThat(c.claimed()).isEqualTo("8");
        assertThat(c.expected()).isEqualTo("5");
    }

    @Test
    void assertsAndDoctestsInTheCode() {
        String code = "def fibonacci(n):\n    \"\"\"\n    >>> fibonacci(6)\n    8\n    \"\"\"\n    a, b = 0, 1\n"
                + "    for i in range(n + 1):\n        a, b = b, a + b\n    return a\n\n"
                + "assert fibonacci(1) == 1\nassert 5 == fibonacci(5), 'five'\nassert fibonacci(0) is not None\n"
                + "assert not fibonacci(0)\n";
        List<TestCase> cases = ExpectationParser.parse(null, null, code).cases();

        assertThat(cases).extracting(TestCase::call, TestCase::expected, TestCase::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fibonacci(1)", "1", "assert"),
                org.assertj.core.groups.Tuple.tuple("fibonacci(5)", "5", "assert"),
                org.assertj.core.groups.Tuple.tuple("fibonacci(0)", "False", "assert"),
                org.assertj.core.groups.Tuple.tuple("fibonacci(6)", "8", "doctest"));
    }

    @Test
    void codePastedInTheQuestionIsTheProgram() {
        Expectations fenced = ExpectationParser.parse("why is this wrong?\n```python\n" + FIB
                + "```\nfibonacci(5) returns 8 but should be 5", null, null);
        assertThat(fenced.codeFromQuestion()).isTrue();
        assertThat(fenced.code()).isEqualTo(FIB);
        assertThat(only(fenced).call()).isEqualTo("fibonacci(5)");

        Expectations indented = ExpectationParser.parse("my code:\n\n" + FIB.indent(4)
                + "\nfibonacci(5) returns 8 but should be 5", null, "");
        assertThat(indented.code()).isEqualTo(FIB);
        assertThat(only(indented).expected()).isEqualTo("5");

        Expectations oneLiner = ExpectationParser.parse("My loop never stops: i = 0; while i < 10: print(i)", null,
                null);
        assertThat(oneLiner.code()).isEqualTo("i = 0\nwhile i < 10: print(i)\n");
        assertThat(oneLiner.any()).isFalse();
    }

    @Test
    void codePastedAsItIsAtTheMarginIsTheProgramAndItsLinesLeaveTheWords() {
        Expectations plain = ExpectationParser.parse("hey can someone help\ndef avg(l):\n    return sum(l)//len(l)\n"
                + "\nprint(avg([1,2]))\nprints 1 but it should be 1.5 right??", null, "");

        assertThat(plain.code()).isEqualTo("def avg(l):\n    return sum(l)//len(l)\n\nprint(avg([1,2]))\n");
        assertThat(only(plain).candidates()).containsExactly("avg([1,2])");
        assertThat(only(plain).expected()).isEqualTo("1.5");

        Expectations proseAfter = ExpectationParser.parse("def sq(x):\n    return x * 2\nsq(3) gives 6 (should be 9)",
                null, null);
        assertThat(proseAfter.code()).isEqualTo("def sq(x):\n    return x * 2\n");
        assertCase(only(proseAfter), "sq(3)", "9", "6");
    }

    @Test
    void anInterpreterSessionGivesTheDefinitionsAndLeavesItsProbesToTheWords() {
        Expectations session = ExpectationParser.parse(">>> def sq(x):\n...     return x * 2\n...\n>>> sq(3)\n6\n"
                + "but 3 squared is 9", null, null);

        assertThat(session.code()).isEqualTo("def sq(x):\n    return x * 2\n");
        TestCase c = only(session);
        assertThat(c.call()).isEqualTo("sq(3)");
        assertThat(c.expected() == null ? c.values() : List.of(c.expected())).contains("9");
    }

    // ---------------------------------------------------------------------- wordings without the call written out

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
        // what the student said | the program's def line | call | expected | claimed
        "for [3,1,2] I get 3 instead of 6|def addup(lst):|addup([3,1,2])|6|3",
        "avg of 2 and 3 should be 2.5 but its 2|def avg(x, y):|avg(2, 3)|2.5|2",
        "average of 1, 2 and 4 should be 2.333 but it gives 2|def average(nums):|average([1, 2, 4])|2.333|2",
        "half of 7 should be 3.5 but comes out 3|def half(x):|half(7)|3.5|3",
        "longest word of ['hi','there','you'] should be 'there' but I get 'you'|def longest(words):"
            + "|longest(['hi','there','you'])|'there'|'you'",
        "countdown 3 should give [3, 2, 1, 0] but i only get [3, 2, 1]|def countdown(n):|countdown(3)|[3, 2, 1, 0]"
            + "|[3, 2, 1]",
        "mean of an empty list crashes (ZeroDivisionError) but should just give 0|def mean(xs):|mean([])|0|-",
        "percent of 1 out of 4 is 0?? expected 25.0|def percent(part, whole):|percent(1, 4)|25.0|-",
        "factorial of 0 must be 1 but python says maximum recursion depth exceeded|def fact(n):|fact(0)|1|-",
        "total_of([10, 20]) comes out 1 not 30|def total_of(prices):|total_of([10, 20])|30|1",
        "upto(3) gives [1, 2] and not [1, 2, 3]|def upto(n):|upto(3)|[1, 2, 3]|[1, 2]",
        "for 'sky' it's fine but for 'rhythm and blues' its False when it should be True|def has_vowel(s):"
            + "|has_vowel('rhythm and blues')|True|False",
        "count_words('hi there you') is giving me a list instead of 3|def count_words(sentence):"
            + "|count_words('hi there you')|3|-",
        // typed quotes and misspellings
        "reverse(\u2018hello\u2019) gives \u2018olle\u2019 but shud be \u2018olleh\u2019|def reverse(word):"
            + "|reverse('hello')|'olleh'|'olle'",
        "fib(5) retuns 8, expcted 5|def fib(n):|fib(5)|5|8",
        "fib(5) gives 8 but it shuold be 5|def fib(n):|fib(5)|5|8",
        "fib(5) returns 8 insted of 5|def fib(n):|fib(5)|5|8",
        "fib(5) \u2192 8, should be 5|def fib(n):|fib(5)|5|-",
        "count_a(['apple','avocado','kiwi']) = 0 ?? it should count 2|def count_a(words):"
            + "|count_a(['apple','avocado','kiwi'])|2|0",
        "why is max of 3 and 9 giving None instead of 9|def maximum(a, b):|maximum(3, 9)|9|None",
    })
    void callsImpliedByTheFunctionAndItsParameters(String said, String def, String call, String expected,
                                                    String claimed) {
        TestCase c = ExpectationParser.parse(said, null, def + "\n    return 0\n").cases().get(0);

        assertCase(c, call, expected, claimed);
    }

    @Test
    void typedDoubleQuotes() {
        TestCase c = only(ExpectationParser.parse("reverse(\u201chello\u201d) gives \u201colle\u201d but should be "
                + "\u201colleh\u201d", null, "def reverse(word):\n    return word[1:]\n"));
        assertCase(c, "reverse(\"hello\")", "\"olleh\"", "\"olle\"");
    }

    @Test
    void casesTheStudentSaysWorkRunAsPassingCases() {
        List<TestCase> cases = ExpectationParser.parse("sq(2) gives 4 (correct) but sq(3) gives 6, should be 9",
                null, "def sq(n):\n    return n + n\n").cases();
        assertThat(cases).extracting(TestCase::call).containsExactly("sq(3)", "sq(2)");
        assertThat(cases).extracting(TestCase::expected).containsExactly("9", "4");

        List<TestCase> arrows = ExpectationParser.parse("is_adult(18) -> False (should be True), is_adult(30) -> "
                + "True (ok)", null, "def is_adult(age):\n    return age > 18\n").cases();
        assertThat(arrows).extracting(TestCase::call).containsExactly("is_adult(18)", "is_adult(30)");
        assertThat(arrows).extracting(TestCase::expected).containsExactly("True", "True");

        assertThat(ExpectationParser.parse("f(2) gives 4 but f(3) gives 6, should be 9", null,
                "def f(n):\n    return n + n\n").cases()).hasSize(1);
    }

    // ---------------------------------------------------------------------- labelled parts

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
        // what the student said | program | typed in | expected output | printed now
        "Input: 3\\nExpected output:\\n1\\n4\\n9\\nYour output:\\n0\\n1\\n4|n = int(input())\\nfor i in range(n):\\n"
            + "    print(i * i)|3|1\\n4\\n9|0\\n1\\n4",
        "Input: 5 / Expected output: 15 / My output: 10|n = int(input())\\nprint(n)|5|15|10",
        "expected: sum is 10\\nactual: sum is 2|s = 2\\nprint('sum is', s)||sum is 10|sum is 2",
        "Expected Output:\\n*\\n**\\nMy Output:\\n*|for i in range(1, 2):\\n    print('*' * i)||*\\n**|*",
        "input 3 then 4 -> expected output 7, I get 34|a = input()\\nb = input()\\nprint(a + b)|3\\n4|7|-",
        "Input 4 and 5 \u2192 output should be 20, but it is 9|a = int(input())\\nb = int(input())\\nprint(a + b)"
            + "|4\\n5|20|-",
        "Input\\n3\\n5\\nExpected Output\\n8\\nActual Output\\n2|a = int(input())\\nb = int(input())\\nprint(b - a)"
            + "|3\\n5|8|-",
        "My input:\\n4\\n10\\n7\\nThe output should be best 10 but it crashes|x = input()\\nprint(x)|4\\n10\\n7"
            + "|best 10|-",
    })
    void labelledInputsAndOutputs(String said, String program, String typed, String output, String printed) {
        TestCase c = only(ExpectationParser.parse(said.replace("\\n", "\n"), null,
                program.replace("\\n", "\n") + "\n"));
        assertThat(c.call()).isNull();
        assertThat(c.stdin()).isEqualTo(typed == null ? "" : typed.replace("\\n", "\n") + "\n");
        assertThat(c.expected()).isEqualTo(output.replace("\\n", "\n"));
        if (printed != null) {
            assertThat(c.claimed()).isEqualTo(printed.replace("\\n", "\n"));
        }
    }

    @Test
    void labelledValuesOfAFunction() {
        String rev = "def rev(s):\n    return s[1:]\n\nprint(rev('hello'))\n";
        TestCase got = only(ExpectationParser.parse(null, "Expected: olleh\nGot: olle", rev));
        assertThat(got.candidates()).containsExactly("rev('hello')");
        assertThat(got.expected()).isEqualTo("olleh");
        assertThat(got.claimed()).isEqualTo("olle");

        TestCase running = only(ExpectationParser.parse("running([1, 2, 3])\nexpected: [1, 3, 6]\ngot: [1, 2, 3]",
                null, "def running(nums):\n    return nums\n"));
        assertCase(running, "running([1, 2, 3])", "[1, 3, 6]", "[1, 2, 3]");

        TestCase input = only(ExpectationParser.parse("Input: [2, 5]\nExpected: 7\nGot: 2", null,
                "def total(xs):\n    return xs[0]\n"));
        assertThat(input.call()).isEqualTo("total([2, 5])");
        assertThat(input.expected()).isEqualTo("7");

        TestCase printed = only(ExpectationParser.parse(null, "Expected output: 12\nMy output:\n12\nNone",
                "def area(w, h):\n    print(w * h)\n\na = area(3, 4)\nprint(a)\n"));
        assertThat(printed.stdin()).isEmpty();
        assertThat(printed.expected()).isEqualTo("12");
        assertThat(printed.claimed()).isEqualTo("12\nNone");
    }

    // ---------------------------------------------------------------------- programs that read input()

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
        // what the student said | program | typed in | expected output | printed now
        "when I type 5 it says 24, it should say 120|n = int(input())\\nprint(n)|5|120|24",
        "I enter 3 and 4 and it should show 7 but shows Total: 12|a = int(input())\\nb = int(input())\\nprint(a * b)"
            + "|3\\n4|7|Total: 12",
        "wen i enter 4 it shuold print even but it prints odd|n = int(input())\\nprint(n)|4|even|odd",
        "input 10 20 30 -> should output 20.0, mine outputs 20|nums = input().split()\\nprint(nums)|10 20 30|20.0"
            + "|20",
        "i entered 4,8,2 and it says smallest: 0, should be 2|nums = input().split(',')\\nprint(nums)|4, 8, 2|2"
            + "|smallest: 0",
        "for 8 it should print 3 but it never stops|n = int(input())\\nprint(n)|8|3|-",
        "if i put 95 i get a C, i should get an A|s = int(input())\\nprint(s)|95|A|C",
        "when i put 9 it says you can vote lol. should be too young|age = input()\\nprint(age)|9|too young"
            + "|you can vote lol",
        "I type 3 then 1, 2, 3 and it says 3 instead of 6|n = int(input())\\nfor i in range(n):\\n    x = input()"
            + "|3\\n1\\n2\\n3|6|3",
        "my code outputs sum: 6 when the input is 4 but the answer should be 10|n = int(input())\\nprint(n)|4|10"
            + "|sum: 6",
        "Enter 2 for how many, then grades 80 and 90 -> Average should be 85.0 but I got Average: 45.0"
            + "|n = int(input())\\nfor i in range(n):\\n    g = input()|2\\n80\\n90|85.0|Average: 45.0",
        "I gave it: al bob christine  and it crashed. It should say longest: christine|names = input().split()"
            + "\\nprint(names)|al bob christine|longest: christine|-",
        "10 miles should be 16.09 km but my program says 6.2 km|m = float(input())\\nprint(m)|10|16.09 km|6.2 km",
        "150 degrees should say gas, it says liquid|t = int(input())\\nprint(t)|150|gas|liquid",
        "9 isn't prime but when I enter it the program says prime. It should say not prime|n = int(input())"
            + "\\nprint(n)|9|not prime|-",
        "when n is 3 i expected\\n#\\n##\\n###\\nbut only got 2 lines|n = int(input())\\nfor r in range(1, n):\\n"
            + "    print(r * '#')|3|#\\n##\\n###|-",
        "Typing abcdefghij (10 letters) gives 'too short', expected 'strong enough'|pw = input()\\nprint(pw)"
            + "|abcdefghij|strong enough|too short",
        "kids up to 12 pay 5. for age 12 i get Price: 10, want Price: 5|age = int(input())\\nprint(age)|12|Price: 5"
            + "|Price: 10",
        "typing no still prints ok, continuing. should print bye|a = input()\\nprint(a)|no|bye|-",
        "if i type 'racecar' its printing not palindrome, shuold be palindrome|w = input()\\nprint(w)|racecar"
            + "|palindrome|not palindrome",
        "for the word 'bus' it prints 0 but there is one s so it should print 1|word = input()\\nprint(word)|bus|1|0",
        "2000 is supposed to count as new!! my program prints old for it|y = int(input())\\nprint(y)|2000|new|old",
        "even when I type 42 it says nope. It's supposed to say you win|g = input()\\nprint(g)|42|you win|nope",
        "bill 10 and 4 people -> each pays 2.5 expected, program prints each pays 2|t = int(input())\\n"
            + "p = int(input())\\nprint(t // p)|10\\n4|each pays 2.5|each pays 2",
    })
    void typedInputInEverydayWords(String said, String program, String typed, String output, String printed) {
        TestCase c = ExpectationParser.parse(said.replace("\\n", "\n"), null, program.replace("\\n", "\n") + "\n")
                .cases().get(0);
        assertThat(c.call()).isNull();
        assertThat(c.stdin()).isEqualTo(typed.replace("\\n", "\n") + "\n");
        assertThat(c.expected()).isEqualTo(output.replace("\\n", "\n"));
        if (printed != null) {
            assertThat(c.claimed()).isEqualTo(printed);
        }
    }

    @Test
    void noExpectationNoCase() {
        assertThat(ExpectationParser.parse("is this right?", null, FIB).any()).isFalse();
        assertThat(ExpectationParser.parse("it doesn't work", null, FIB).any()).isFalse();
        assertThat(ExpectationParser.parse("why does it crash?", null, "print(x)\n").any()).isFalse();
    }

    /** The case calls {@code call} (null: runs the program) and expects what the student did not see. */
    // ------------------------------------------------------------------------------------------ test code quoted

    @Test
    void aPytestFailurePastedAsTheErrorIsItsAssertLine() {
        String code = "def count_big(nums, limit):\n    return len([n for n in nums if n >= limit])\n";
        String pytest = "    def test_count_big():\n>       assert count_big([1, 5, 9], 5) == 1\nE       assert 2 == 1\n"
                + "E        +  where 2 = count_big([1, 5, 9], 5)\n\ntest_main.py:4: AssertionError";

        TestCase c = only(ExpectationParser.parse("", pytest, code));

        assertCase(c, "count_big([1, 5, 9], 5)", "1", null);
        assertThat(c.source()).isEqualTo("error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "    self.assertEqual(half(3, 4), 3.5)\\nAssertionError: 3 != 3.5|half(3, 4)|3.5",
        "assertEqual(2.5, half(1, 4))|half(1, 4)|2.5",
        "self.assertTrue(half(2, 2))|half(2, 2)|True",
        "self.assertFalse(half(0, 0), 'zero')|half(0, 0)|False",
        "self.assertIsNone(half(1, 1))|half(1, 1)|None",
    })
    void aUnittestLineInTheMessageIsACase(String error, String call, String expected) {
        String code = "def half(a, b):\n    return (a + b) // 2\n";

        assertCase(only(ExpectationParser.parse("", error.replace("\\n", "\n"), code)), call, expected, null);
    }

    @Test
    void junitsAngleBracketsAndButWasAreRead() {
        assertCase(only(ExpectationParser.parse("fibonacci(5): expected:<5> but was:<8>", null, FIB)),
                "fibonacci(5)", "5", "8");
        TestCase was = only(ExpectationParser.parse(null, "expected [1, 2] but was [1, 2, 2]",
                DEDUPE + "\nprint(f([1, 2, 2]))\n"));
        assertThat(was.expected()).isEqualTo("[1, 2]");
        assertThat(was.claimed()).isEqualTo("[1, 2, 2]");
    }

    @Test
    void aMethodCalledOnAnObjectOfTheProgramIsTheCall() {
        String code = "class Account:\n    def __init__(self, b):\n        self.b = b\n    def take(self, x):\n"
                + "        if x < self.b:\n            self.b -= x\n        return self.b\n\nacc = Account(50)\n";

        assertCase(only(ExpectationParser.parse("acc.take(50) returns 50 instead of 0", null, code)),
                "acc.take(50)", "0", "50");
    }

    @Test
    void anExpectedOutputOfSeveralLinesAfterExpectEndingItsLine() {
        String code = "rows = int(input())\nfor r in range(rows):\n    print('*' * r)\n";

        TestCase c = only(ExpectationParser.parse("I enter 3 and expect\n*\n**\n***\nbut i get two rows", null, code));

        assertThat(c.stdin()).isEqualTo("3\n");
        assertThat(c.expected()).isEqualTo("*\n**\n***");
    }

    @Test
    void aConsoleRunPastedGivesWhatWasTypedAfterEachPromptOfTheProgram() {
        String code = "n = int(input('Enter a number: '))\nf = 1\nfor i in range(1, n):\n    f = f * i\n"
                + "print('The factorial is', f)\n";

        TestCase c = only(ExpectationParser.parse("Enter a number: 5\nThe factorial is 24\nshould be 120", null, code));

        assertThat(c.stdin()).isEqualTo("5\n");
        assertThat(c.expected()).isEqualTo("120");

        String loop = "total = 0\nfor k in range(3):\n    total = int(input('score? '))\nprint(total)\n";
        TestCase looped = only(ExpectationParser.parse("score? 4\nscore? 5\nscore? 6\n6\nwhy not 15", null, loop));
        assertThat(looped.stdin()).isEqualTo("4\n5\n6\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "typing in 7 prints 6 but should print 8",
        "the user enters 7 and gets 6, should be 8",
        "if you give it 7 it prints 6 instead of 8",
        "on input 7 the output is 6, expected 8",
        "I ran it and typed 7, got 6 (should be 8)",
        "with 7 as input it prints 6 but it should be 8",
        "input = 7, output = 6, expected = 8",
        "when the input is 7 the answer should be 8 but I get 6",
        "entering 7 should print 8 but prints 6",
        "7 as the input gives 6 not 8",
    })
    void typedInputWordings(String said) {
        TestCase c = only(ExpectationParser.parse(said, null, SCRIPT));

        assertThat(c.stdin()).startsWith("7\n");    // more typed than the program reads stays unread
        assertThat(c.expected() != null ? List.of(c.expected()) : c.values()).contains("8");
    }

    // ------------------------------------------------------------------------------------------ decided by running

    @Test
    void valuesWithoutPhrasingGoToTheHarnessWithTheCallTheInputMakes() {
        TestCase c = only(ExpectationParser.parse("my fibonacci is one too far, for 6 i get 13 but the 6th fib is 8",
                null, FIB));

        assertCase(c, "fibonacci(6)", null, null);
        assertThat(c.values()).containsExactly("6", "13", "8");
    }

    @Test
    void aCallWrittenOutKeepsItsArgumentsOutOfTheValues() {
        String code = "def sum_digits(n):\n    s = 0\n    while n > 0:\n        s += n % 10\n        n = n // 100\n"
                + "    return s\n";

        TestCase c = only(ExpectationParser.parse("sum_digits(1234) the answer is 10 but mine says 6", null, code));

        assertCase(c, "sum_digits(1234)", null, null);
        assertThat(c.values()).containsExactly("10", "6");
    }

    @Test
    void withoutAnyInputTheProgramsCallsAndEachValueTriedAreCandidates() {
        TestCase c = only(ExpectationParser.parse("it comes to 13, the real one is 8", null,
                FIB + "print(fibonacci(6))\n"));

        assertThat(c.call()).isNull();
        assertThat(c.candidates()).containsExactly("fibonacci(6)", "fibonacci(13)", "fibonacci(8)");
        assertThat(c.values()).containsExactly("13", "8");
    }

    @Test
    void forAProgramThatReadsInputTheTypedValuesAreNotAmongTheValues() {
        String code = "nums = input('numbers: ').split()\ntotal = 0\nfor x in nums:\n    total = int(x)\n"
                + "print(total)\n";

        TestCase c = only(ExpectationParser.parse("typed 1 2 3 and got 3... should add up to 6", null, code));

        assertThat(c.stdin()).isEqualTo("1 2 3\n");
        assertThat(c.values()).containsExactly("3", "6");
    }

    static final String GUESS = "secret = 7\nguess = input('Guess the number: ')\nif guess == secret:\n"
            + "    print('You got it!')\nelse:\n    print('Nope, try again')\n";

    @Test
    void whatAnInputProgramPrintsInTheStudentsWordsIsAValue() {
        TestCase told = only(ExpectationParser.parse("I type 7 which IS the secret number and it still tells me "
                + "nope try again", null, GUESS));
        assertThat(told.stdin()).isEqualTo("7\n");
        assertThat(told.values()).containsExactly("nope try again");

        // "correct" alone is no phrase's value ("that's correct"): the words are compared with the output instead
        TestCase both = only(ExpectationParser.parse("I type 7 and it tells me wrong try again. it should say correct",
                null, GUESS));
        assertThat(both.values()).containsExactly("wrong try again", "correct");
    }

    @Test
    void aYesNoFunctionSaidToCallAValueSomethingRunsOnThatValue() {
        String code = "def is_prime(num):\n    for d in range(2, num):\n        if num % d == 0:\n"
                + "            return False\n        else:\n            return True\n    return True\n";

        TestCase c = only(ExpectationParser.parse("my is_prime says 9 is prime which is obviously not right", null,
                code));

        assertThat(c.call()).isEqualTo("is_prime(9)");
        assertThat(c.values()).containsExactly("True");
        assertThat(only(ExpectationParser.parse("it says 9 is not prime", null, code)).values())
                .containsExactly("False");
    }

    @Test
    void aQuestionAskingWhyAValueIsSomethingSaysWhatTheYesNoFunctionDecided() {
        String code = "def is_prime(n):\n    for d in range(2, n):\n        if n % d == 0:\n            return False\n"
                + "        else:\n            break\n    return True\n\nprint(is_prime(9))\n";

        TestCase asked = only(ExpectationParser.parse("why is 9 a prime lol", null, code));
        assertThat(asked.call()).isEqualTo("is_prime(9)");
        assertThat(asked.values()).containsExactly("True");
        assertThat(only(ExpectationParser.parse("why isn't 7 a prime??", null, code)).values()).containsExactly("False");

        String leap = "def is_leap_year(y):\n    return y % 4 == 0 or y % 100 != 0\n";
        assertThat(only(ExpectationParser.parse("why does it say 2021 is a leap year", null, leap)).call())
                .isEqualTo("is_leap_year(2021)");
    }

    @Test
    void whatWasTypedStopsAtAClauseAboutItAndKeepsAHyphenatedValueWhole() {
        String quiz = "a = input('Capital? ')\nb = input('5 * 6? ')\nc = input('Sky? ')\nprint(a, b, c)\n";
        assertThat(ExpectationParser.stdinIn("I typed Paris, 30 and blue, which are all the right answers, but "
                + "every one says wrong", quiz)).contains("Paris\n30\nblue\n");

        String kiosk = "movie = input('Rating: ').strip().upper()\nage = int(input('Your age: '))\n"
                + "print(movie, age)\n";
        // "age" names what 13 was typed for: it is a name the program assigns, not a third thing typed
        assertThat(ExpectationParser.stdinIn("typed PG-13 and age 13 and it says Sorry", kiosk)).contains("PG-13\n13\n");
    }

    @Test
    void aPrintedLabelWithItsNumberIsWhatTheProgramShowed() {
        String code = "price = float(input('Price: '))\npaid = float(input('Paid: '))\n"
                + "print('Change:', round(paid + price, 2))\n";

        TestCase c = only(ExpectationParser.parse("price 3.75, i paid 5, it says Change: 8.75 and gives me a pile of "
                + "coins. should be 1.25", null, code));

        assertThat(c.claimed()).isEqualTo("Change: 8.75");
        assertThat(c.expected()).isEqualTo("1.25");
    }

    @Test
    void aLineTypedAfterAColonAndAValueAfterThenWithWordsBetween() {
        String words = "words = input('Type some words: ').split()\nprint('python' in words[:1])\n";
        TestCase line = only(ExpectationParser.parse("I type: i love python\nand it says False", null, words));
        assertThat(line.stdin()).isEqualTo("i love python\n");

        String pin = "pin = input('PIN: ')\nwhile pin != '1234':\n    pin = input('Wrong. PIN: ')\n"
                + "print('Card blocked')\n";
        TestCase three = only(ExpectationParser.parse("i typed 1111 then 2222 then the right one 1234 and it says "
                + "Card blocked", null, pin));
        assertThat(three.stdin()).isEqualTo("1111\n2222\n1234\n");
    }

    @Test
    void thePrintedLinesOfAPastedConsoleRunAreValues() {
        String code = "age = int(input(\"How old are you? \"))\nif age > 13 and age < 19:\n    print(\"teen\")\n"
                + "else:\n    print(\"You are not a teenager\")\n";

        TestCase c = only(ExpectationParser.parse("How old are you? 13\nYou are not a teenager\n\n13 IS a teenager?!",
                null, code));

        assertThat(c.stdin()).isEqualTo("13\n");
        assertThat(c.values()).contains("You are not a teenager");
    }

    @Test
    void theCallInTheQuestionAndTheLabelsInTheErrorMakeOneCase() {
        String code = "def total_marks(students):\n    for name in students:\n        total = 0\n"
                + "        total += students[name]\n    return total\n";

        TestCase c = only(ExpectationParser.parse("total_marks({'a': 70, 'b': 80})",
                "Expected output: 150\nYour output: 80", code));

        assertCase(c, "total_marks({'a': 70, 'b': 80})", "150", "80");
    }

    @Test
    void literalsAreValuesButLineNumbersOrdinalsAndApostrophesAreNot() {
        TestCase c = only(ExpectationParser.parse("on line 4 (see above) the 2nd it's [1, 2] or 'ab' or -3.5, true and None",
                null, FIB));
        assertThat(c.values()).containsExactly("[1, 2]", "'ab'", "-3.5", "True", "None");
        assertThat(ExpectationParser.parse("no idea what is going on with this one, please help", null, FIB).any()).isFalse();
    }

    static final String STACK = "class Stack:\n    def __init__(self):\n        self.items = []\n"
            + "    def push(self, x):\n        self.items.append(x)\n    def pop(self):\n"
            + "        return self.items.pop(0)\n";
    static final String GRADES = "def add_grade(grade, grades=[]):\n    grades.append(grade)\n    return grades\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "s = Stack(); s.push(1); s.push(2); s.pop() gives 1 but should give 2|s = Stack(); s.push(1); s.push(2); s.pop()|2|1",
        "s = Stack() then s.push(1) and then s.push(2), s.pop() is 1, should be two|s = Stack(); s.push(1); s.push(2); s.pop()|2|1",
    })
    void statementsWrittenBeforeTheValueComparedAreItsSetup(String question, String call, String expected,
                                                           String actual) {
        assertCase(only(ExpectationParser.parse(question, null, STACK)), call, expected, actual);
    }

    @Test
    void aSnippetOnLinesOfItsOwnIsSetupToo() {
        assertCase(only(ExpectationParser.parse("so i do\n    s = Stack()\n    s.push(1)\n    s.push(2)\n"
                        + "    print(s.pop())\nand it prints 1, should be 2", null, STACK)),
                "s = Stack(); s.push(1); s.push(2); s.pop()", "2", "1");
        assertCase(only(ExpectationParser.parse(null, ">>> s = Stack()\n>>> s.push(5)\n>>> len(s.items)  # says 0?? "
                + "should be one", STACK)), "s = Stack(); s.push(5); len(s.items)", "1", "0");
    }

    @Test
    void callsOneAfterAnotherAreOneCaseButCallsSideBySideAreNot() {
        TestCase twice = only(ExpectationParser.parse(null, "add_grade(90) then add_grade(75) returned [90, 75], "
                + "expected [75]", GRADES));
        assertCase(twice, "add_grade(90); add_grade(75)", "[75]", "[90, 75]");

        TestCase plain = ExpectationParser.parse("add_grade(1) gives [1] (correct) but add_grade(2) gives "
                + "[1, 2] instead of [2]", null, GRADES).cases().get(0);
        assertThat(plain.call()).isEqualTo("add_grade(2)");
        assertThat(TestCase.compared("a = 'x; y'; f(a)")).isEqualTo("f(a)");
        assertThat(TestCase.hasSetup(plain.call())).isFalse();
    }

    @Test
    void testFunctionsAndSetUpMethodsGiveTheirSetupStatements() {
        String pytest = GRADES + "\ndef test_two():\n    first = add_grade(1)\n    second = add_grade(2)\n"
                + "    assert second == [2]\n";
        assertCase(only(ExpectationParser.parse(null, null, pytest)),
                "first = add_grade(1); second = add_grade(2); second", "[2]", null);

        String unit = STACK + "\nclass TestStack(unittest.TestCase):\n    def setUp(self):\n"
                + "        self.s = Stack()\n        self.s.push(1)\n\n    def test_pop(self):\n"
                + "        self.s.push(2)\n        self.assertEqual(self.s.pop(), 2)\n";
        assertCase(only(ExpectationParser.parse(null, null, unit)), "s = Stack(); s.push(1); s.push(2); s.pop()",
                "2", null);

        String module = STACK + "\nst = Stack()\nst.push(3)\nassert st.pop() == 3\n";
        // a script's own assert runs after the script's plain statements before it
        assertCase(only(ExpectationParser.parse(null, null, module)), "st = Stack(); st.push(3); st.pop()", "3", null);
        String jar = "class CoinJar:\n    def __init__(self):\n        self.cents = 0\n\n"
                + "    def add(self, coin, how_many=1):\n        self.cents += coin + how_many\n\n"
                + "jar = CoinJar()\njar.add(25, 3)\nprint(jar.cents)\nassert jar.cents == 85\n";
        assertCase(only(ExpectationParser.parse(null, null, jar)), "jar = CoinJar(); jar.add(25, 3); jar.cents", "85",
                null);
        // a literal over several lines is left to the program's own run, not cut into broken statements
        String book = "book = {\n    'ana': [7, 8],\n}\n\ndef total(b):\n    return 0\n\nassert total(book) == 15\n";
        assertCase(only(ExpectationParser.parse(null, null, book)), "total(book)", "15", null);
    }

    @Test
    void aDoctestReportGivesOneCasePerFailedExample() {
        String code = "def caps(text):\n    \"\"\"\n    >>> caps('Hi Al')\n    2\n    >>> caps('abc')\n    0\n    \"\"\"\n"
                + "    return sum(1 for c in text if not c.isupper())\n";
        String report = "**********************************************************************\n"
                + "File \"caps.py\", line 3, in caps.caps\nFailed example:\n    caps('Hi Al')\nExpected:\n    2\nGot:\n    3\n"
                + "**********************************************************************\n"
                + "File \"caps.py\", line 5, in caps.caps\nFailed example:\n    caps('abc')\nExpected:\n    0\nGot:\n    3\n"
                + "**********************************************************************\n"
                + "1 items had failures:\n   2 of   2 in caps.caps\n***Test Failed*** 2 failures.";
        List<TestCase> cases = ExpectationParser.parse("both doctests fail", report, code).cases();
        assertThat(cases).anyMatch(c -> c.call().equals("caps('Hi Al')") && c.expected().equals("2"));
        assertThat(cases).anyMatch(c -> c.call().equals("caps('abc')") && c.expected().equals("0"));
        assertThat(cases).allMatch(c -> !c.call().contains("*") && !c.expected().contains("*"));
        // an example that printed nothing gave None
        String nothing = "Failed example:\n    rev('ab')\nExpected:\n    'ba'\nGot nothing\n";
        assertThat(ExpectationParser.doctestReport(nothing)).singleElement()
                .satisfies(c -> assertThat(c.claimed()).isEqualTo("None"));
    }

    @Test
    void insteadOfAVerbAndItsValue() {
        String code = "def find_index(lst, value):\n    i = 0\n    while i <= len(lst):\n        if lst[i] == value:\n"
                + "            return i\n        i += 1\n    return -1\n";
        assertCase(only(ExpectationParser.parse("find_index([4, 5, 6], 9) crashes with IndexError instead of returning -1",
                null, code)), "find_index([4, 5, 6], 9)", "-1", null);
    }

    @Test
    void aPastedTracebackGivesTheScriptsCrashingCall() {
        String fact = "def factorial(n):\n    if n <= 1:\n        return 1\n    else:\n        n * factorial(n - 1)\n\n"
                + "print(factorial(5))\n";
        String traceback = "Traceback (most recent call last):\n  File \"fact.py\", line 7, in <module>\n"
                + "    print(factorial(5))\n  File \"fact.py\", line 5, in factorial\n    n * factorial(n - 1)\n"
                + "TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'";
        List<TestCase> cases = ExpectationParser.parse("why does it say NoneType?? factorial(1) returns 1", traceback,
                fact).cases();
        assertThat(cases).anyMatch(c -> "factorial(5)".equals(c.call()) && "traceback".equals(c.source()));
    }

    @Test
    void aCrashInTheScriptsOwnStatementsIsTheWholeRunWithWhatWasTyped() {
        // no call of theirs at the top: the program run is the case, and it should run through
        assertThat(ExpectationParser.parse("why", "Traceback (most recent call last):\n  File \"a.py\", line 1, "
                + "in <module>\n    x = int('a')\nValueError: invalid literal", "x = int('a')\n").cases())
                .anyMatch(c -> c.call() == null && "".equals(c.stdin()) && "traceback".equals(c.source()));
        // the prompt printed before the crash shares the header's line; what was typed comes from the question
        String vote = "age = input(\"How old are you? \")\nif age >= 18:\n    print(\"You can vote!\")\n";
        String crash = "How old are you? Traceback (most recent call last):\n  File \"/home/sam/vote.py\", line 2, in "
                + "<module>\n    if age >= 18:\n       ^^^^^^^^^\nTypeError: '>=' not supported between instances of "
                + "'str' and 'int'\n";
        List<TestCase> typed = ExpectationParser.parse("I typed 20 and got this", crash, vote).cases();
        assertThat(typed).anyMatch(c -> c.call() == null && "20\n".equals(c.stdin()) && "traceback".equals(c.source()));
        assertThat(typed).noneMatch(c -> c.stdin() != null && c.stdin().contains("Traceback"));
        // a program that reads input, with nothing said of what was typed: running it on nothing proves nothing
        assertThat(ExpectationParser.parse("what does this mean", crash, vote).cases())
                .noneMatch(c -> "traceback".equals(c.source()));
    }

    @Test
    void numbersWrittenAsWordsAreValues() {
        assertCase(only(ExpectationParser.parse("fibonacci(5) should be five but it's eight", null, FIB)),
                "fibonacci(5)", "5", "8");
        assertCase(only(ExpectationParser.parse("fibonacci(5) should be forty, it says 8", null, FIB)),
                "fibonacci(5)", "40", "8");
        assertCase(only(ExpectationParser.parse("fibonacci(5) should be 5 but I get eight.", null, FIB)),
                "fibonacci(5)", "5", "8");
    }

    @Test
    void noneReturnedWithTheValueWantedOnlyInWordsFailsOnNone() {
        assertCase(only(ExpectationParser.parse("f([-1, 2, 3]) returns None instead of the list", null, DEDUPE)),
                "f([-1, 2, 3])", "the list", "None");
        assertCase(only(ExpectationParser.parse("why do i get None from f([1])??", null, DEDUPE)),
                "f([1])", "a value, not None", "None");
        assertCase(only(ExpectationParser.parse("f(['a']) returns None instead of an empty list", null, DEDUPE)),
                "f(['a'])", "[]", "None");
    }

    @Test
    void aLaterCallOfTheSameRunsAfterTheEarlierOnes() {
        String code = "def add_item(item, basket=[]):\n    basket.append(item)\n    return basket\n";
        assertCase(only(ExpectationParser.parse("the second time I call add_item('b') I get ['a', 'b'] instead of "
                + "['b']", null, code)), "add_item('b'); add_item('b')", "['b']", "['a', 'b']");
        assertCase(only(ExpectationParser.parse("add_item('b') should give ['b'] but on the 3rd call it is "
                + "['b', 'b', 'b']", null, code)), "add_item('b'); add_item('b'); add_item('b')", "['b']",
                "['b', 'b', 'b']");
        assertCase(only(ExpectationParser.parse("add_item('b') gives ['b', 'b'] instead of ['b']", null, code)),
                "add_item('b')", "['b']", "['b', 'b']");     // nothing said about earlier calls
        // the script makes the earlier call itself: running it leaves the shared list behind, so no repeat
        assertCase(only(ExpectationParser.parse("the second time I call add_item('b') I get ['a', 'b'] instead of "
                + "['b']", null, code + "first = add_item('a')\n")), "add_item('b')", "['b']", "['a', 'b']");
        // calls written in the script twice stay twice: "the third print" is the second tally('cat')
        String tally = "def tally(word, seen={}):\n    seen[word] = seen.get(word, 0) + 1\n    return seen[word]\n"
                + "print(tally('cat'))\nprint(tally('dog'))\nprint(tally('cat'))\n";
        assertThat(only(ExpectationParser.parse("the third print gives 2 but I expected 1", null, tally))
                .candidates()).containsExactly("tally('cat')", "tally('dog')", "tally('cat')");
    }

    @Test
    void typedInputInOneFieldAndTheOutputInTheOther() {
        String miles = "miles = float(input('miles: '))\nprint(round(miles / 1.609, 2), 'km')\n";
        TestCase c = only(ExpectationParser.parse("input 10", "Expected: 16.09 km\nGot: 6.22 km", miles));
        assertThat(c).extracting(TestCase::stdin, TestCase::expected, TestCase::claimed)
                .containsExactly("10\n", "16.09 km", "6.22 km");
    }

    @Test
    void aLabelledOutputEndsAtASentenceAboutWhatItPrints() {
        String sum = "a = int(input('first number: '))\nb = int(input('second number: '))\nprint('sum:', a - b)\n";
        TestCase c = only(ExpectationParser.parse("input: 3 4\nexpected output: 7\nbut it shows sum: -1", null, sum));
        assertThat(c).extracting(TestCase::stdin, TestCase::expected).containsExactly("3\n4\n", "7");
    }

    @Test
    void aConsoleRunWithShortPromptsGivesWhatWasTyped() {
        String code = "a = input('a: ')\nb = input('b: ')\nif a > b:\n    print(a, 'is bigger')\n";
        assertThat(ExpectationParser.stdinIn("Sample run:\na: 9\nb: 10\n9 is bigger", code)).contains("9\n10\n");
        // a prompt that short is only a prompt at the start of a line
        assertThat(ExpectationParser.stdinIn("it said data: 5 was bad", "x = input('a: ')\n")).isEmpty();
    }

    @Test
    void aQuotedAssertOverANameTheScriptSets() {
        String bag = "class Bag:\n    def __init__(self, things=[]):\n        self.things = things\n"
                + "    def put(self, x):\n        self.things.append(x)\n\na = Bag()\na.put('pen')\nb = Bag()\n";
        assertCase(only(ExpectationParser.parse(null, "AssertionError: new bag should be empty\n"
                + "assert len(b.things) == 0", bag)), "len(b.things)", "0", null);
    }

    @Test
    void severalCallsWithTheirValuesSaidTogetherAreOneCaseEach() {
        String code = "def half(n):\n    return n // 2\n";
        List<TestCase> cases = ExpectationParser.parse("half(5) gives 2 and half(7) gives 3, should be 2.5 and 3.5",
                null, code).cases();
        assertThat(cases).hasSize(2);
        assertCase(cases.get(0), "half(5)", "2.5", "2");
        assertCase(cases.get(1), "half(7)", "3.5", "3");

        List<TestCase> together = ExpectationParser.parse("half(3) and half(9) return 1 and 4 but i want 1.5 and 4.5",
                null, code).cases();
        assertThat(together).extracting(TestCase::call).containsExactly("half(3)", "half(9)");
        assertThat(together).extracting(TestCase::expected).containsExactly("1.5", "4.5");
    }

    @Test
    void aCallPastedFromAShellSessionRunsAfterWhatWasTypedBeforeIt() {
        String code = "def visit(page, seen=[]):\n    seen.append(page)\n    return len(seen)\n";
        TestCase c = only(ExpectationParser.parse(null, ">>> visit('home')\n1\n>>> visit('about')\n2\n"
                + "visit('about') should be 1", code));
        assertThat(c.call()).isEqualTo("visit('home'); visit('about')");
        assertThat(c.expected()).isEqualTo("1");
    }

    @Test
    void aConsoleRunSaysWhatWasTypedAtEachPromptEvenNothing() {
        String code = "name = input(\"Name: \")\nprint(name[0])\n";
        TestCase pressed = only(ExpectationParser.parse("Name: (just hit enter)\nit crashes, should print nothing",
                null, code));
        assertThat(pressed.stdin()).isEqualTo("\n");
        TestCase crashed = only(ExpectationParser.parse(null, "Name: \nIndexError: string index out of range\n"
                + "with no name it should print 'nobody'", code));
        assertThat(crashed.stdin()).isEqualTo("\n");
    }

    @Test
    void theProgramsOwnWordsWrittenBareAreValuesToDecideByRunning() {
        String code = "t = int(input('t? '))\nif t > 30:\n    print('hot')\nelse:\n    print('mild')\n";
        TestCase c = only(ExpectationParser.parse("t? 30\nmild\n\nthirty is hot imo", null, code));
        assertThat(c.stdin()).isEqualTo("30\n");
        assertThat(c.values()).contains("mild", "hot");
    }

    @Test
    void wordsPrintedAfterSayAreTheOutputAndAnInputAfterAtIsNot() {
        String code = "n = int(input())\nprint('done in', n - 1)\n";
        TestCase said = only(ExpectationParser.parse("I enter 3 and it should say done in 3", null, code));
        assertThat(said.expected()).isEqualTo("done in 3");
        String vote = "a = int(input('age: '))\nprint('adult' if a > 16 else 'child')\n";
        TestCase at = only(ExpectationParser.parse("age: 16\nchild\n\nshould be adult at 16", null, vote));
        assertThat(at.expected()).isEqualTo("adult");
    }

    @Test
    void gotNoneWithNoCallSaidTriesTheOneFunctionOnAValueOfTheText() {
        String code = "def triple(x):\n    y = x * 3\n    print(y)\n";
        TestCase c = only(ExpectationParser.parse(null, "Expected: 12\nGot: None", code));
        assertThat(c.call()).isEqualTo("triple(12)");
        assertThat(c.claimed()).isEqualTo("None");
    }

    @Test
    void aPastedRunGivesWhatWasTypedWhenTheQuestionOnlyNamesAValue() {
        String code = "f = float(input('F: '))\nprint('C:', (f - 32) * (5 // 9))\n";
        TestCase c = only(ExpectationParser.parse("why 0??", "F: 212\nC: 0.0", code));
        assertThat(c.stdin()).isEqualTo("212\n");
        assertThat(c.values()).contains("0");
    }

    @Test
    void numbersTypedForAQuestionAskedInALoopAreAllTyped() {
        String code = "n = int(input('How many? '))\ntotal = 0\nfor i in range(n):\n    total = int(input('Mark: '))\n"
                + "print('Mean:', total / n)\n";
        TestCase c = only(ExpectationParser.parse("i put 3 marks, 50 60 and 70, and it says Mean: 23.33", null, code));
        assertThat(c.stdin()).isEqualTo("3\n50\n60\n70\n");
    }

    @Test
    void aValueInBracketsAfterWhatItIsWasTypedAndTryAgainIsNot() {
        String code = "pw = input('pin: ')\nif pw is '4321':\n    print('welcome')\nelse:\n    print('wrong, try again')\n";
        TestCase c = ExpectationParser.parse("I type the right pin (4321) and it says wrong, try again", null, code)
                .cases().get(0);
        assertThat(c.stdin()).isEqualTo("4321\n");
    }

    @Test
    void aMessageThatNeverPrintsIsWhatTheRunShouldShow() {
        String code = "for w in ['ok', 'no', 'fine']:\n    if w == 'no':\n        exit()\nprint('all read')\n";
        assertThat(ExpectationParser.parse("it stops early and 'all read' never prints", null, code).cases())
                .extracting(TestCase::call, TestCase::stdin, TestCase::expected)
                .contains(org.assertj.core.groups.Tuple.tuple(null, "", "all read"));
    }

    static final String SCALE = "def scale(values, factor):\n    out = []\n    for v in values:\n"
            + "        out.append(v + factor)\n    return out\n";

    @Test
    void aGradersTableGivesACasePerRowAndItsOtherWordsAreLayout() {
        String report = "scale: 2 of 3 passed\n\n"
                + " Arguments        | Expected   | Got\n"
                + "------------------+------------+-----------\n"
                + " ([1, 2], 3)      | [3, 6]     | [4, 5]\n"
                + " ([], 5)          | []         | []\n"
                + " ([0], 1)         | [0]        | TypeError\n";
        List<TestCase> cases = ExpectationParser.parse("why", report, SCALE).cases();
        assertThat(cases).extracting(TestCase::call, TestCase::expected, TestCase::claimed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("scale([1, 2], 3)", "[3, 6]", "[4, 5]"),
                org.assertj.core.groups.Tuple.tuple("scale([], 5)", "[]", "[]"),
                org.assertj.core.groups.Tuple.tuple("scale([0], 1)", "[0]", null));
        assertThat(cases).allMatch(c -> c.source().equals("error"));
    }

    @Test
    void aTableWithAResultColumnAndOneArgumentPerRow() {
        String code = "def initials(name):\n    return name[0]\n";
        String report = "# | Input          | Expected | Actual | Result\n"
                + "--|----------------|----------|--------|-------\n"
                + "1 | 'ada lovelace' | 'AL'     | 'a'    | FAIL\n";
        TestCase c = only(ExpectationParser.parse(null, report, code));
        assertCase(c, "initials('ada lovelace')", "'AL'", "'a'");
    }

    @Test
    void aTableWithoutPipesIsCutWhereItsDashedLineIs() {
        String code = "def double(n):\n    return n + n + n\n";
        String report = "call          expected   got\n"
                + "------------  ---------  ----\n"
                + "double(4)     8          12\n";
        TestCase c = only(ExpectationParser.parse(null, report, code));
        assertCase(c, "double(4)", "8", "12");
    }

    @Test
    void jsonRowsSpreadTheirInputOverTheParameters() {
        String report = "{\"input\": [[1, 2], 3], \"expected\": [3, 6], \"output\": [4, 5], \"status\": \"failed\"}\n"
                + "{\"input\": [[], 1], \"expected\": [], \"output\": [], \"status\": \"passed\"}";
        List<TestCase> cases = ExpectationParser.parse(null, report, SCALE).cases();
        assertThat(cases).extracting(TestCase::call, TestCase::expected, TestCase::claimed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("scale([1, 2], 3)", "[3, 6]", "[4, 5]"),
                org.assertj.core.groups.Tuple.tuple("scale([], 1)", "[]", "[]"));
        String word = "def shout(text):\n    return text.lower()\n";
        TestCase one = only(ExpectationParser.parse(null,
                "{\"args\": [\"hey\"], \"expected\": \"HEY\", \"got\": \"hey\", \"passed\": false}", word));
        assertCase(one, "shout('hey')", "'HEY'", "'hey'");
    }

    @Test
    void aFailedCheckToldOverSeveralLinesIsItsCall() {
        String code = "def middle(xs):\n    return xs[len(xs) // 2 + 1]\n";
        String oneLine = "check_middle ...... FAIL\n    middle([1, 2, 3])\n    expected 2 , got 3\n";
        assertCase(only(ExpectationParser.parse(null, oneLine, code)), "middle([1, 2, 3])", "2", "3");
        String ownLines = "Check 2 of 4 failed.\n  Called:   middle([5, 6, 7, 8, 9])\n  Expected: 7\n"
                + "  Received: 8\nRemaining checks were not run.\n";
        assertCase(only(ExpectationParser.parse(null, ownLines, code)), "middle([5, 6, 7, 8, 9])", "7", "8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "Input | Expected\n------|---------\n | \n",
        "{\"input\": [1, 2], \"expected\": }\n{\"input\": 3}\n[1, 2]\n",
        "Expected | Got\n-----\nfoo",
        "Arguments | Expected | Got\n---|---|---\n(1, [2 | 3 | 4\n",
        "Called: scale(\nExpected: [1]\n",
    })
    void brokenReportRowsMakeNoCase(String report) {
        assertThat(ExpectationParser.parse(null, report.replace("\\n", "\n"), SCALE).cases())
                .noneMatch(c -> "error".equals(c.source()) && c.expected() != null && c.expected().isBlank());
    }

    @Test
    void aCrashToldInWordsWithTheInputTypedIsARunThatShouldGoThrough() {
        String code = "def label(n):\n    print('item', n)\n\nn = int(input('n: '))\nname = label(n)\n"
                + "print(name.upper())\n";
        List<TestCase> cases = ExpectationParser.parse(
                "I type 4 and it prints item 4, then it crashes: AttributeError: 'NoneType' object has no attribute "
                        + "'upper'", null, code).cases();
        assertThat(cases).anyMatch(c -> c.source().equals("traceback") && "4\n".equals(c.stdin()));
    }

    @Test
    void whatTheStudentWasGoingToTypeIsTypedAfterWhatTheyTyped() {
        String code = "total = 0\nn = 0\nwhile n < 3:\n    s = input('mark: ')\n    if not s.isdigit():\n"
                + "        break\n    total += int(s)\n    n += 1\nprint(total / max(n, 1))\n";
        TestCase c = ExpectationParser.parse("I typed 40, then q by mistake and it stopped. i was going to type 50 and "
                + "60 so it should be 50.0", null, code).cases().get(0);
        assertThat(c.stdin()).isEqualTo("40\nq\n50\n60\n");
    }

    @Test
    void valuesTheRunWentBetweenAndTheStudentsArithmeticAreNeitherSeenNorWanted() {
        String code = "def widest_gap(xs):\n    best = 0\n    for i in range(len(xs) - 2):\n"
                + "        best = max(best, xs[i + 1] - xs[i])\n    return best\n";
        TestCase c = only(ExpectationParser.parse("widest_gap([1, 2, 9]) returns 1 but from 2 to 9 the gap is 7. "
                + "I wrote len - 2 so i + 1 stays in range", null, code));
        assertThat(c.values()).containsExactly("1", "7");
    }

    @Test
    void aCallWithTooFewArgumentsIsTheProgramsOwnCallThatPassesThem() {
        String code = "def where(items, x, start=0):\n    for i in range(start, len(items)):\n"
                + "        if items[i] == x:\n            return i\n\nrow = [4, 8, 15]\n"
                + "print(where(row, 8), where(row, 15))\n";
        TestCase c = only(ExpectationParser.parse("for 15 where gives 1 but should be 2", null, code));
        assertThat(c.call()).isEqualTo("where(row, 15)");
    }

    @Test
    void aConsoleLineAfterAPromptIsTypedAsItStands() {
        String code = "items = []\nwhile True:\n    cmd = input('> ')\n    if cmd == 'stop':\n        break\n"
                + "    elif cmd.startswith('add'):\n        items.append(cmd[4:])\n    elif cmd == 'list all':\n"
                + "        print(items)\n";
        TestCase c = ExpectationParser.parse("this is what I typed:\n\n> add milk\n> list all\n> stop\n\n"
                + "it should show ['milk']", null, code).cases().get(0);
        assertThat(c.stdin()).isEqualTo("add milk\nlist all\nstop\n");
    }

    @Test
    void anErrorQuotedWithoutATracebackMakesTheRunThatShouldGoThrough() {
        String code = "stock = {'a': 0, 'b': 2}\n\ndef prune(d):\n    for k in d:\n        if d[k] == 0:\n"
                + "            del d[k]\n\nprune(stock)\nprint(stock)\n";
        List<TestCase> cases = ExpectationParser.parse("RuntimeError: dictionary changed size during iteration. "
                + "how do i remove the empty ones?", null, code).cases();
        assertThat(cases).anyMatch(c -> "traceback".equals(c.source()) && "".equals(c.stdin()));
    }

    @Test
    void aCallSaidToNeverFinishComesFirstAndNeedsNoValue() {
        String code = "def halve_until_one(n):\n    steps = 0\n    while n != 1:\n        n = n // 2\n"
                + "        steps += 1\n    return steps\n";
        List<TestCase> cases = ExpectationParser.parse("halve_until_one(0) never finishes, halve_until_one(8) gives 3",
                null, code).cases();
        assertThat(cases.get(0)).extracting(TestCase::call, TestCase::expected)
                .containsExactly("halve_until_one(0)", null);
    }

    @Test
    void whatPythonSaysSomethingMustBeIsNoValueTheStudentWants() {
        String code = "words = tuple(input('words: ').split())\nfor w in words:\n    print(len(words[w]))\n";
        List<TestCase> cases = ExpectationParser.parse("why??", "words: a bc\nTraceback (most recent call last):\n"
                + "  File \"w.py\", line 3, in <module>\n    print(len(words[w]))\n"
                + "TypeError: tuple indices must be integers or slices, not str", code).cases();
        assertThat(cases).noneMatch(c -> c.expected() != null && c.expected().contains("integers"));
        assertThat(cases).anyMatch(c -> "traceback".equals(c.source()) && "a bc\n".equals(c.stdin()));
    }

    @Test
    void enterHitBetweenValuesIsAnEmptyLineTypedThereAndPressingEnterAloneIsNothingTyped() {
        String code = "total = 0\nwhile True:\n    t = input()\n    if t == 'end':\n        break\n"
                + "    if t == '':\n        break\n    total += int(t)\nprint(total)\n";
        TestCase between = ExpectationParser.parse("I entered 3, then hit enter on an empty line by mistake, then 4 and "
                + "end. It printed 3, empty lines should be skipped", null, code).cases().get(0);
        assertThat(between.stdin()).isEqualTo("3\n\n4\nend\n");
        TestCase alone = ExpectationParser.parse("if I just press enter without typing numbers it crashes, it should "
                + "print 0", null, code).cases().get(0);
        assertThat(alone.stdin()).isEqualTo("\n");
    }

    private static void assertCase(TestCase c, String call, String expected, String claimed) {
        assertThat(c).extracting(TestCase::call, TestCase::expected, TestCase::claimed)
                .containsExactly(call, expected, claimed);
    }

    private static TestCase only(Expectations expectations) {
        assertThat(expectations.cases()).hasSize(1);
        return expectations.cases().get(0);
    }
}
