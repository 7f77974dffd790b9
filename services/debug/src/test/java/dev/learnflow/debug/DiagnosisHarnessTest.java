package dev.learnflow.debug;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.debug.client.DiagnosisRunner;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.debug.service.CodeFacts;
import dev.learnflow.debug.service.WrongResultHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis harness as the sandbox runs it (the compressed program, the payload as stdin, python3): its caps
 * hold on runaway programs, and every detector names its bug on a buggy program and stays silent on the fixed one.
 */
class DiagnosisHarnessTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final DiagnosisRunner RUNNER = new DiagnosisRunner(null, JSON, java.time.Duration.ZERO);

    /** One detector's example: the buggy program, its fix, the cases, and the line of the bug. */
    record DetectorCase(String category, int bugLine, String buggy, String fixed, List<TestCase> cases) {
        @Override
        public String toString() {
            return category;
        }
    }

    static List<DetectorCase> detectorCases() throws IOException {
        try (InputStream in = DiagnosisHarnessTest.class.getResourceAsStream("/debug/detector-cases.json")) {
            return JSON.readValue(in, new TypeReference<>() {
            });
        }
    }

    static ProgramDiagnosis diagnose(String code, List<TestCase> cases) {
        RunCodeResponse run = PythonSandbox.run(DiagnosisRunner.program(), RUNNER.stdinFor(code, cases).orElseThrow(),
                5_000);
        assertThat(run.status()).as(run.stderr()).isEqualTo(ExecutionStatus.OK);
        try {
            String json = run.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
            return DiagnosisRunner.worded(JSON.readValue(json, ProgramDiagnosis.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectorCases")
    void everyDetectorNamesItsBugAndStaysSilentOnTheFix(DetectorCase example) {
        ProgramDiagnosis buggy = diagnose(example.buggy(), example.cases());
        assertThat(buggy.failingCase()).isNotNull();
        assertThat(buggy.category()).isEqualTo(example.category());
        assertThat(buggy.suspicious().get(0).line()).isEqualTo(example.bugLine());
        assertThat(buggy.findings()).anyMatch(f -> f.category().equals(example.category()) && f.confirmed());

        ProgramDiagnosis fixed = diagnose(example.fixed(), example.cases());
        assertThat(fixed.failingCase()).isNull();
        assertThat(fixed.cases()).allMatch(ProgramDiagnosis.CaseResult::passed);
        assertThat(fixed.category()).isNull();
        assertThat(fixed.findings()).noneMatch(f -> f.category().equals(example.category()));
    }

    @Test
    void aCleanRunCalledWrongInWordsIsDiagnosedFromWhatItPrinted() {
        // "the total is always just the last number": the student says what it printed is wrong, not what is right
        String reset = "nums = [3, 5, 9]\nfor n in nums:\n    total = 0\n    total = total + n\nprint(total)\n";
        ProgramDiagnosis d = diagnose(reset, List.of(TestCase.input("", null, null, "symptom")));

        assertThat(d.failingCase()).isNotNull();
        assertThat(d.failingCase().unwanted()).isEqualTo("9\n");
        assertThat(d.category()).isEqualTo("accumulator_reset_in_loop");
        assertThat(d.suspicious().get(0).line()).isEqualTo(3);
        assertThat(d.findings()).anyMatch(f -> f.repaired() && f.category().equals("accumulator_reset_in_loop"));

        // a right program called wrong: any change would alter its output, but no likely mistake claims it
        String right = "nums = [3, 5, 9]\ntotal = 0\nfor n in nums:\n    total = total + n\nprint(total)\n";
        ProgramDiagnosis none = diagnose(right, List.of(TestCase.input("", null, null, "symptom")));
        assertThat(none.findings()).noneMatch(ProgramDiagnosis.Finding::repaired);
        assertThat(none.category()).isNull();
    }

    @Test
    void andOrGroupedByPrecedenceGetsItsOwnWordsNotTheBareValueOnes() {
        String code = "def may_enter(age, ticket, vip):\n    if ticket and age >= 18 or vip:\n        return True\n"
                + "    return False\n";
        ProgramDiagnosis d = diagnose(code,
                List.of(TestCase.call("may_enter(30, False, True)", "False", null, "question")));

        assertThat(d.category()).isEqualTo("boolean_precedence");
        List<Hint> hints = WrongResultHints.hints(d, new CodeFacts(code), 3);
        assertThat(hints.get(1).text()).contains("grouped differently").doesNotContain("stands alone");
        assertThat(hints.get(2).text()).contains("brackets");
    }

    @Test
    void aCaseWithSetupStatementsRunsThemFirstAndShowsOnlyTheComparedCall() {
        String code = "class Stack:\n    def __init__(self):\n        self.items = []\n        self.size = 0\n"
                + "    def push(self, x):\n        self.items.append(x)\n        self.size =+ 1\n";
        ProgramDiagnosis d = diagnose(code,
                List.of(TestCase.call("s = Stack(); s.push(1); s.push(2); s.size", "2", "1", "question")));

        assertThat(d.cases().get(0).actual()).isEqualTo("1");
        assertThat(d.category()).isEqualTo("wrong_operator");
        assertThat(d.suspicious().get(0).line()).isEqualTo(7);
        assertThat(d.trace().steps()).anyMatch(step -> step.line() == 7);     // the setup's calls are traced
        String observed = WrongResultHints.hints(d, new CodeFacts(code), 1).get(0).text();
        assertThat(observed).contains("`s.size`").doesNotContain("s = Stack()");
    }

    @Test
    void aCallWrittenOutThatCrashesIsTheFailingCaseWhateverValueItShouldGive() {
        // "first_word('') crashes, an empty sentence should give ''": values the words did not sort out
        String code = "def first_word(sentence):\n    return sentence.split()[0]\n";
        ProgramDiagnosis d = diagnose(code, List.of(new TestCase("first_word('')", null, null, null, null, false,
                "question", List.of("''"))));

        assertThat(d.failingCase()).isNotNull();
        assertThat(d.failingCase().error()).startsWith("IndexError");
        assertThat(d.category()).isEqualTo("unhandled_edge_case");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
    }

    @Test
    void aCrashAtAPositionFixedInTheCodeIsAnUnhandledShortInput() {
        // "surname('Madonna') crashes": one word has no second part, however long it is
        String code = "def surname(full):\n    bits = full.split()\n    return bits[1]\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("surname('Madonna')", "''", null, "question")));

        assertThat(d.failingCase().error()).startsWith("IndexError");
        assertThat(d.category()).isEqualTo("unhandled_edge_case");
        assertThat(d.suspicious().get(0).line()).isEqualTo(3);
    }

    @Test
    void aComprehensionsFilterTheWrongWayRoundIsAnInvertedCondition() {
        // "strip_vowels('banana') gives 'aaa', i want 'bnn'": the filter keeps what it should drop
        String code = "def strip_vowels(word):\n    return ''.join(ch for ch in word if ch in 'aeiou')\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("strip_vowels('banana')", "'bnn'", "'aaa'",
                "question")));

        assertThat(d.category()).isEqualTo("inverted_condition");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
        assertThat(d.findings()).anyMatch(f -> f.category().equals("inverted_condition") && f.repaired());
    }

    @Test
    void theValueOfSortUsedInAComparisonIsTheSortResultMistake() {
        // la.sort() == lb.sort() is None == None: every pair looks like an anagram
        String code = "def is_anagram(a, b):\n    la = list(a)\n    lb = list(b)\n    return la.sort() == lb.sort()\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("is_anagram('apple', 'paper')", "False", "True",
                "question")));

        assertThat(d.category()).isEqualTo("sort_result_used");
        assertThat(d.suspicious().get(0).line()).isEqualTo(4);
    }

    @Test
    void aDictMadeAnewInsideTheLoopIsATotalResetInTheLoop() {
        String code = "def word_counts(text):\n    for word in text.split():\n        counts = dict()\n"
                + "        counts[word] = counts.get(word, 0) + 1\n    return counts\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("word_counts('a b a')", "{'a': 2, 'b': 1}",
                null, "question")));

        assertThat(d.category()).isEqualTo("accumulator_reset_in_loop");
        assertThat(d.suspicious().get(0).line()).isEqualTo(3);
    }

    @Test
    void oneLineOfSeveralIsJudgedByTheLineTheStudentQuoted() {
        // "it prints Warmest day: None (0 C) but it should be Tue (-2.0 C)": the first of two printed lines
        String code = "week = {'Mon': -4.5, 'Tue': -2.0}\n\ndef warmest(temps):\n    best_day = None\n"
                + "    best_temp = 0\n    for day, t in temps.items():\n        if t > best_temp:\n"
                + "            best_day = day\n            best_temp = t\n    return best_day, best_temp\n\n"
                + "day, temp = warmest(week)\nprint(f'Warmest day: {day} ({temp} C)')\nprint('Average high: -3.2 C')\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("", "Tue (-2.0 C)", "Warmest day: None (0 C)",
                "question")));

        assertThat(d.failingCase()).isNotNull();
        assertThat(d.failingCase().actual()).isEqualTo("Warmest day: None (0 C)");
        assertThat(d.category()).isEqualTo("wrong_initial_value");
        assertThat(d.suspicious().get(0).line()).isEqualTo(5);
    }

    @Test
    void aWhileLoopThatKeepsCallingAFunctionIsTheLoopThatNeverEnds() {
        // the generator inside strong_enough runs again and again too, but ends each time
        String code = "def strong_enough(pw):\n    has_digit = any(ch.isdigit() for ch in pw)\n"
                + "    return len(pw) >= 8 and has_digit\n\ndef ask():\n    pw = input('New password: ')\n"
                + "    while not strong_enough(pw):\n        print('Too weak, try again')\n    return pw\n\n"
                + "pw = ask()\nprint('saved')\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("abc\nsecret123\n", "saved", null, "question")));

        assertThat(d.loop()).isNotNull();
        assertThat(d.loop().header()).isEqualTo(7);
        assertThat(d.category()).isEqualTo("loop_condition_never_changes");
    }

    @Test
    void aCrashDeepInARecursionWithoutAStoppingCaseIsTheMissingBaseCase() {
        // flatten(item) goes on into an int: 'int' object is not iterable, no RecursionError
        String code = "def flatten(x):\n    result = []\n    for item in x:\n        result += flatten(item)\n"
                + "    return result\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("flatten([1, [2, 3]])", "[1, 2, 3]", null,
                "question")));

        assertThat(d.failingCase().error()).startsWith("TypeError");
        assertThat(d.category()).isEqualTo("recursion_no_base_case");
    }

    @Test
    void aChainedEqualityAfterAnOrOfItsPartsIsAShadowedBranch() {
        // a == b == c implies a == b: the equilateral branch can never run after the isosceles one
        String code = "def triangle_type(a, b, c):\n    if a == b or b == c or a == c:\n        return 'isosceles'\n"
                + "    elif a == b == c:\n        return 'equilateral'\n    return 'scalene'\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("triangle_type(2, 2, 2)", "'equilateral'",
                "'isosceles'", "error"), TestCase.call("triangle_type(2, 2, 3)", "'isosceles'", null, "error")));

        assertThat(d.category()).isEqualTo("shadowed_if_chain");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
        assertThat(d.suspicious().get(1).line()).isEqualTo(4);
    }

    @Test
    void warningsTheProgramRaisesAtEachCompileStayOutOfTheHarnesssOutput() {
        // `x is 'a'` warns at every compile, and the harness compiles the program for each case and each candidate
        // repair: unbounded, those warnings filled the sandbox's output limit and the diagnosis was lost
        StringBuilder code = new StringBuilder("def grade(x):\n    if x is 'a':\n        return 4\n");
        for (int i = 0; i < 12; i++) {
            code.append("    if x is 'b").append(i).append("' or x < ").append(i).append(":\n        return ").append(i)
                    .append("\n");
        }
        code.append("    return 0\n");
        String stdin = RUNNER.stdinFor(code.toString(), List.of(TestCase.call("grade('a' * 2)", "4", "0", "question"),
                TestCase.call("grade('b1')", "1", null, "question"))).orElseThrow();
        RunCodeResponse run = PythonSandbox.run(DiagnosisRunner.program(), stdin, 5_000);

        assertThat(run.status()).isEqualTo(ExecutionStatus.OK);
        assertThat(run.stderr()).doesNotContain("SyntaxWarning");
        assertThat(run.stdout()).contains("\"failing\"");
    }

    @Test
    void failingOnlyForNegativeNumbersIsAnUnhandledEdgeCaseSaidInItsOwnWords() {
        // len(str(-450)) counts the minus sign; positive numbers pass
        String code = "def digit_count(n):\n    return len(str(n))\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("digit_count(4096)", "4", null, "assert"),
                TestCase.call("digit_count(-450)", "3", null, "assert")));

        assertThat(d.category()).isEqualTo("unhandled_edge_case");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
        List<Hint> hints = WrongResultHints.hints(d, new CodeFacts(code), 3);
        assertThat(hints.get(0).text()).contains("negative").contains("digit_count").doesNotContain("empty");
        assertThat(hints.get(1).text()).contains("negative numbers");
    }

    @Test
    void aWordExpectedIsFoundAfterTheLabelOfThePrintedLine() {
        // "should be open at 9": the repair prints "Shop: open", which is what the student asked for
        String code = "h = int(input('hour? '))\nstate = 'closed'\nif h > 9:\n    state = 'open'\n"
                + "print('Shop:', state)\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("9\n", "open", null, "question")));

        assertThat(d.failingCase()).isNotNull();
        assertThat(d.category()).isEqualTo("wrong_comparison_operator");
        assertThat(d.suspicious().get(0).line()).isEqualTo(3);
    }

    @Test
    void bothBoundsOfAChainedComparisonAreRepairedTogether() {
        // "20 < t < 25" where both ends count: no single operator changed makes the count right
        String code = "def comfy(temps):\n    n = 0\n    for t in temps:\n        if 20 < t < 25:\n            n += 1\n"
                + "    return n\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("comfy([18, 20, 22, 25, 27])", "3", "1", "question")));

        assertThat(d.category()).isEqualTo("wrong_comparison_operator");
        assertThat(d.suspicious().get(0).line()).isEqualTo(4);
    }

    @Test
    void aSearchReturningTheElementWhereItsPositionIsMeant() {
        String code = "def find_position(items, target):\n    for i in range(len(items)):\n        if items[i] == target:\n"
                + "            return items[i]\n    return -1\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("find_position(['apple', 'kiwi'], 'kiwi')", "1", null,
                "assert")));

        assertThat(d.category()).isEqualTo("index_vs_element");
        assertThat(d.suspicious().get(0).line()).isEqualTo(4);
    }

    @Test
    void aCandidateCallThatNeverStopsIsTheFailingCase() {
        // "my countdown just keeps printing 5 forever": no value said, the run that never ends is what is wrong
        String code = "def countdown(n):\n    while n > 0:\n        print(n)\n        n - 1\n    print('done')\n";
        ProgramDiagnosis d = diagnose(code, List.of(new TestCase(null, null, null, null, List.of("countdown(5)"),
                false, "question", List.of("5"))));

        assertThat(d.failingCase().call()).isEqualTo("countdown(5)");
        assertThat(d.failingCase().runaway()).isTrue();
        assertThat(d.category()).isEqualTo("loop_condition_never_changes");
    }

    @Test
    void aDictChangedWhileItsLoopWalksItIsMendedAtTheLoop() {
        // a pasted RuntimeError of the script's own loop: the run is the failing case; stock[item] reads a dict's
        // value by its key, no index mistake
        String code = "stock = {'pens': 10, 'glue': 0, 'rulers': 5}\nfor item in stock:\n    if stock[item] == 0:\n"
                + "        del stock[item]\nprint(stock)\n";
        ProgramDiagnosis d = diagnose(code, List.of(new TestCase(null, "", null, null, null, false, "traceback", null)));

        assertThat(d.failingCase().error()).contains("changed size during iteration");
        assertThat(d.category()).isEqualTo("mutate_while_iterating");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
    }

    @Test
    void aNoneThatCrashesTheScriptAfterTheFunctionPrintedIsPrintInsteadOfReturn() {
        String code = "def discount(price, off):\n    new_price = price - price * off / 100\n    print(new_price)\n\n"
                + "shirt = discount(80, 25)\nhat = discount(20, 50)\ntotal = shirt + hat\nprint(total)\n";
        ProgramDiagnosis d = diagnose(code, List.of(new TestCase(null, "", null, null, null, false, "traceback", null)));

        assertThat(d.failingCase().error()).startsWith("TypeError");
        assertThat(d.category()).isEqualTo("print_instead_of_return");
        assertThat(d.suspicious().get(0).line()).isEqualTo(3);
    }

    @Test
    void aLoopWhoseNewValueIsKeptUnderAnotherNameIsMendedThere() {
        // "it never prints anything": balance never changes, its next value goes to new_balance
        String code = "balance = 1000\nyears = 0\nwhile balance < 2000:\n    new_balance = balance * 1.05\n"
                + "    years = years + 1\nprint(years)\n";
        ProgramDiagnosis d = diagnose(code, List.of(new TestCase(null, "", null, null, null, false, "traceback", null)));

        assertThat(d.failingCase().runaway()).isTrue();
        assertThat(d.category()).isEqualTo("loop_condition_never_changes");
        assertThat(d.suspicious().get(0).line()).isEqualTo(4);
    }

    @Test
    void anOrBeforeAnAndThatShouldBindFirstIsRegrouped() {
        // "members or big orders get 10% off, but never sale items"
        String code = "def price(total, member, sale):\n    if member or total > 100 and not sale:\n"
                + "        total = total * 0.9\n    return total\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("price(50, False, False)", "50", null, "assert"),
                TestCase.call("price(50, True, False)", "45.0", null, "assert"),
                TestCase.call("price(50, True, True)", "50", null, "assert")));

        assertThat(d.category()).isEqualTo("boolean_precedence");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
    }

    @Test
    void theQuotedStartOfAPrintedLineIsWhatTheProgramSaid() {
        // "i typed sunflower123 and it says Too short?? when i type cat it says accepted"
        String code = "password = input('Password: ')\nif len(password) > 8:\n    print('Too short, use at least 8')\n"
                + "else:\n    print('Password accepted')\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues(null, null, "sunflower123\n", "Too short", "accepted")));

        assertThat(d.failingCase()).isNotNull();
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
    }

    @Test
    void aListChangedWhileItsLoopWalksItIsNamedAtTheLoopThenWhereItChanges() {
        // the mend goes at the loop (walk a copy, or build a new list): where independent labellers put the bug
        String code = "def drop_low(scores):\n    for s in scores:\n        if s < 50:\n            scores.remove(s)\n"
                + "    return scores\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("drop_low([40, 45, 80])", "[80]", "[45, 80]",
                "question")));

        assertThat(d.category()).isEqualTo("mutate_while_iterating");
        assertThat(d.suspicious().stream().limit(2).map(ProgramDiagnosis.SuspiciousLine::line)).containsExactly(2, 4);
    }

    @Test
    void anIfChainIsMendedAtTheTestThatCatchesTooMuchAndNamesTheHiddenBranchNext() {
        // "letter(95) gives C but should be A": >= 50 comes first and takes every score the later tests were for
        String code = "def letter(score):\n    if score >= 50:\n        return 'C'\n    elif score >= 70:\n"
                + "        return 'B'\n    elif score >= 90:\n        return 'A'\n    return 'F'\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("letter(95)", "'A'", "'C'", "question")));

        assertThat(d.category()).isEqualTo("shadowed_if_chain");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
        assertThat(d.suspicious().get(1).line()).isIn(4, 6);
    }

    @Test
    void theShippedHarnessFitsTheSandboxCodeLimit() {
        // SandboxScript refuses a script over the limit; this names the budget the harness lives in
        assertThat(DiagnosisRunner.program().length()).isLessThanOrEqualTo(
                dev.learnflow.contracts.validation.Limits.CODE_MAX);
    }

    @Test
    void anInfiniteLoopIsStoppedAndItsUnchangedVariableNamed() {
        String code = "i = 0\ntotal = 0\nwhile i < 10:\n    total = total + 1\n    print(total)\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("", null, null, "stdin")));

        assertThat(d.cases().get(0).runaway()).isTrue();
        assertThat(d.loop()).isNotNull();
        assertThat(d.loop().lines()).contains(3, 4, 5);
        assertThat(d.loop().unchanged()).containsExactly("i");
        assertThat(d.category()).isEqualTo("loop_condition_never_changes");
        assertThat(d.suspicious().get(0).line()).isEqualTo(3);
        assertThat(d.cases().get(0).printed().length()).isLessThanOrEqualTo(300);
    }

    @Test
    void aLoopHiddenBehindABareExceptIsStoppedToo() {
        String code = "def spin(n):\n    while True:\n        try:\n            n = n\n        except:\n"
                + "            pass\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("spin(1)", "1", null, "question")));

        assertThat(d.cases().get(0).runaway()).isTrue();
        assertThat(d.loop().lines()).contains(2, 4);
    }

    @Test
    void deepRecursionEndsAsARecursionError() {
        String code = "def down(n):\n    return down(n - 1)\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("down(3)", "0", null, "question")));

        assertThat(d.cases().get(0).error()).startsWith("RecursionError");
        assertThat(d.cases().get(0).errorLine()).isEqualTo(2);
        assertThat(d.trace().steps().size()).isLessThanOrEqualTo(300);
        assertThat(d.trace().truncated()).isTrue();
    }

    @Test
    void hugeOutputIsCappedAndTheTraceKeepsItsLimits() {
        String code = "def shout(n):\n    for k in range(n):\n        print('x' * 1000)\n    return n\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("shout(200000)", "0", null, "question")));

        assertThat(d.cases().get(0).passed()).isFalse();
        assertThat(d.trace().steps()).hasSizeLessThanOrEqualTo(300);
        assertThat(d.trace().steps()).allMatch(s -> s.locals().values().stream().allMatch(v -> v.length() <= 80));
    }

    @Test
    void theFailingCallIsTracedStepByStep() {
        String code = "def fibonacci(n):\n    a, b = 0, 1\n    for i in range(n + 1):\n        a, b = b, a + b\n"
                + "    return a\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("fibonacci(1)", "1", null, "assert"),
                TestCase.call("fibonacci(5)", "5", null, "question")));

        assertThat(d.failingCase().call()).isEqualTo("fibonacci(5)");
        assertThat(d.failingCase().actual()).isEqualTo("8");
        assertThat(d.cases().get(0).passed()).isTrue();
        assertThat(d.trace().call()).isEqualTo("fibonacci(5)");
        assertThat(d.trace().steps().get(0).locals()).containsEntry("n", "5");
        assertThat(d.trace().steps()).anyMatch(s -> "return".equals(s.event()) && "8".equals(s.returned()));
        assertThat(d.trace().steps().stream().filter(s -> s.locals().containsKey("i")).map(s -> s.locals().get("i"))
                .toList()).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(d.suspicious().get(0).line()).isEqualTo(3);
        assertThat(d.suspicious()).allMatch(s -> s.score() >= 0 && s.score() <= 1);
    }

    @Test
    void withoutTheInputTheCallThatGaveTheClaimedValueIsChosen() {
        String code = "def fibonacci(n):\n    a, b = 0, 1\n    for i in range(n + 1):\n        a, b = b, a + b\n"
                + "    return a\n\nprint(fibonacci(2))\nprint(fibonacci(5))\n";
        ProgramDiagnosis d = diagnose(code, List.of(new TestCase(null, null, "5", "8",
                List.of("fibonacci(2)", "fibonacci(5)"), false, "question")));

        assertThat(d.failingCase().call()).isEqualTo("fibonacci(5)");
    }
    // the student's values, decided by running (TestCase.values)

    static final String FIB = "def fibonacci(n):\n    a, b = 0, 1\n    for i in range(n + 1):\n        a, b = b, a + b\n"
            + "    return a\n";

    static TestCase withValues(String call, List<String> candidates, String stdin, String... values) {
        return new TestCase(call, stdin, null, null, candidates, false, "question", List.of(values));
    }

    @Test
    void theValueTheCallGivesIsWhatTheStudentSawAndAnotherIsWhatTheyWant() {
        ProgramDiagnosis d = diagnose(FIB, List.of(withValues("fibonacci(6)", null, null, "6", "13", "8")));

        assertThat(d.failingCase()).extracting(ProgramDiagnosis.CaseResult::call, ProgramDiagnosis.CaseResult::expected,
                ProgramDiagnosis.CaseResult::actual).containsExactly("fibonacci(6)", "8", "13");
    }

    @Test
    void ofGuessedCandidatesTheOneGivingAWrittenValueIsTaken() {
        ProgramDiagnosis d = diagnose(FIB, List.of(withValues(null, List.of("fibonacci(13)", "fibonacci(8)",
                "fibonacci(6)"), null, "6", "13", "8")));

        assertThat(d.failingCase().call()).isEqualTo("fibonacci(6)");
        assertThat(d.failingCase().expected()).isEqualTo("8");
    }

    @Test
    void aValueOfTheSameKindIsWantedAndATruthValueAloneIsTurnedAround() {
        String code = "def in_range(x, lo, hi):\n    return lo < x < hi\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues("in_range(5, 5, 10)", null, null, "10", "False")));

        assertThat(d.failingCase().expected()).isEqualTo("True");
    }

    @Test
    void theValueItGivesWrittenTwiceIsNeverWhatTheStudentWants() {
        // "fibonacci(4) gives 5 ... 5 is wrong, it should be 3"
        ProgramDiagnosis d = diagnose(FIB, List.of(withValues("fibonacci(4)", null, null, "5", "5", "3")));

        assertThat(d.failingCase().expected()).isEqualTo("3");
        assertThat(d.failingCase().actual()).isEqualTo("5");
    }

    @Test
    void aTruthValueSeenOnOneOfSeveralCandidatesIsNotTurnedAround() {
        String code = "def in_range(x, lo, hi):\n    return lo < x < hi\n\nprint(in_range(7, 5, 10))\n"
                + "print(in_range(5, 5, 10))\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues(null, List.of("in_range(7, 5, 10)",
                "in_range(5, 5, 10)"), null, "True")));

        assertThat(d.failingCase()).isNull();
    }

    @Test
    void aTruthValueThatEndsAPrintedLineIsWantedTheOtherWayRound() {
        // "both totals are 1200, why does it say False": the run's line with the other truth value is wanted
        String code = "def check_balanced(paid, share):\n    a = sum(paid)\n    b = sum(share)\n"
                + "    print('paid total:', a, ' share total:', b)\n    return a is b\n\n"
                + "paid = [900, 60, 240]\nshare = [400.0, 400.0, 400.0]\nprint('balanced?', check_balanced(paid, share))\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues(null, List.of("check_balanced(paid, share)"), null,
                "1200", "False")));

        assertThat(d.failingCase().expected()).isEqualTo("balanced? True");
        assertThat(d.suspicious().get(0).line()).isEqualTo(5);
    }

    /** A pasted crash: only running through is asked of the call the traceback shows. */
    static TestCase pastedCrash(String call) {
        return new TestCase(call, null, null, null, null, false, "traceback", List.of());
    }

    @Test
    void aCrashOnAnEmptyArgumentOfAHelperIsTheEdgeCaseNotAnEarlyReturnThatSkipsIt() {
        // printing turned into a return would stop the loop before the empty month and "run through"
        String code = "def mean(xs):\n    return sum(xs) / len(xs)\n\ndef summary(months):\n"
                + "    for name, rain in months.items():\n        print(name, round(mean(rain), 1))\n\n"
                + "rainfall = {'may': [3, 5], 'june': [], 'july': [1]}\nsummary(rainfall)\n";
        ProgramDiagnosis d = diagnose(code, List.of(pastedCrash("summary(rainfall)")));

        assertThat(d.category()).isEqualTo("unhandled_edge_case");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
    }

    @Test
    void aPastedCrashThatNeedsTheScriptsEarlierCallsIsTheWholeRun() {
        // bag() alone finds the list empty and runs through; the script's add() calls fill it first
        String code = "bag = []\n\ndef add(name, kg):\n    bag.append({'name': name, 'kg': kg})\n\n"
                + "def weight():\n    total = 0\n    for thing in bag:\n        total += bag[thing]['kg']\n"
                + "    return total\n\ndef show():\n    print('total', weight())\n\nadd('tent', 2.5)\n"
                + "add('stove', 0.8)\nshow()\n";
        ProgramDiagnosis d = diagnose(code, List.of(pastedCrash("show()")));

        assertThat(d.failingCase()).isNotNull();
        assertThat(d.suspicious().get(0).line()).isEqualTo(9);
        assertThat(d.category()).isEqualTo("index_vs_element");
    }

    @Test
    void aDictChangedWhileItsLoopWalksItIsNamedAtTheLoopByPythonsOwnMessage() {
        String code = "scores = {'ann': 0, 'bo': 4, 'cy': 0}\n\ndef drop_zeros(table):\n    for who in table:\n"
                + "        if table[who] == 0:\n            del table[who]\n\ndrop_zeros(scores)\nprint(scores)\n";
        ProgramDiagnosis d = diagnose(code, List.of(pastedCrash("drop_zeros(scores)")));

        assertThat(d.category()).isEqualTo("mutate_while_iterating");
        assertThat(d.suspicious().get(0).line()).isEqualTo(4);
    }

    @Test
    void aRunIsNotMendedByReturningWhatAFunctionWhoseValueNobodyUsesPrinted() {
        // "i typed paris and blue, both right, and get Score: 0 / 2": turning play()'s last print into a return would
        // end the output on "/ 2", but play() is called on a line of its own, so that is no repair
        String code = "def check(answer, right):\n    if answer is right:\n        return 1\n    return 0\n\n"
                + "def play():\n    score = 0\n    for q, a in [('Capital? ', 'paris'), ('Sky? ', 'blue')]:\n"
                + "        score += check(input(q).strip().lower(), a)\n    print('Score:', score, '/', 2)\n"
                + "    print(\"That's\", score * 50, '%')\n\nplay()\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues(null, null, "paris\nblue\n", "0", "2")));

        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
        assertThat(d.category()).isEqualTo("is_vs_equals");
    }

    @Test
    void aMethodWhoseValueTheProgramPrintsIsStillMendedByReturningIt() {
        // print(rex.describe()) shows "None": the method's value is used, so print -> return is the repair
        String code = "class Dog:\n    def __init__(self, name):\n        self.name = name\n\n"
                + "    def describe(self):\n        print('Dog called ' + self.name)\n\nrex = Dog('Rex')\n"
                + "print(rex.describe())\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("", "Dog called Rex", "None", "question")));

        assertThat(d.category()).isEqualTo("print_instead_of_return");
        assertThat(d.suspicious().get(0).line()).isEqualTo(6);
    }

    @Test
    void theProgramRunWithTheTypedInputDecidesToo() {
        String code = "nums = input().split()\ntotal = 0\nfor x in nums:\n    total = int(x)\nprint(total)\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues(null, null, "1 2 3\n", "3", "6")));

        assertThat(d.failingCase().expected()).isEqualTo("6");
        assertThat(d.failingCase().actual()).isEqualTo("3");
    }

    @Test
    void aValueShownAndCalledWrongWithNothingWantedFailsWhileTheProgramStillGivesIt() {
        // "its meant to give back the cheapest but im getting the most expensive one (9.99)"
        String code = "def cheapest(prices):\n    best = prices[0]\n    for p in prices:\n        if p > best:\n"
                + "            best = p\n    return best\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues("cheapest([4.5, 2.0, 9.99])", null, null, "9.99")));

        assertThat(d.failingCase()).extracting(ProgramDiagnosis.CaseResult::expected,
                ProgramDiagnosis.CaseResult::unwanted, ProgramDiagnosis.CaseResult::actual)
                .containsExactly(null, "9.99", "9.99");
        assertThat(d.suspicious().get(0).line()).isEqualTo(4);
    }

    @Test
    void printedTextIsMatchedAsTheStudentQuotesItAndNumbersByValue() {
        String code = "guess = input('Guess: ')\nif guess == 7:\n    print('You got it!')\nelse:\n"
                + "    print('Nope, try again')\n";
        ProgramDiagnosis quoted = diagnose(code, List.of(withValues(null, null, "7\n", "nope try again",
                "you got it")));
        assertThat(quoted.failingCase()).extracting(ProgramDiagnosis.CaseResult::expected)
                .isEqualTo("you got it");

        String bill = "a = int(input())\nprint('Each pays', a / 2)\n";
        ProgramDiagnosis same = diagnose(bill, List.of(TestCase.input("25\n", "Each pays 12.50", null, "question")));
        assertThat(same.failingCase()).isNull();
        ProgramDiagnosis other = diagnose(bill, List.of(TestCase.input("25\n", "Each pays 12.25", null, "question")));
        assertThat(other.failingCase()).isNotNull();
    }

    @Test
    void aCountTheStudentSawIsHowManyOfOneThingWasPrinted() {
        // "i asked for 3 stars and only get 2"
        String code = "n = int(input('How many stars? '))\nprint('*' * (n - 1))\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues(null, null, "3\n", "3", "2")));

        assertThat(d.failingCase()).extracting(ProgramDiagnosis.CaseResult::unwanted).isEqualTo("2");
    }

    @Test
    void aLoneValueTheStudentNamesIsThePrintedLineHoldingIt() {
        // "why 0??" beside a run printing "miles: 0.0": that line is what they saw and call wrong
        String code = "km = float(input('km: '))\nmiles = km * (5 // 8)\nprint('miles:', miles)\nprint('bye')\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues(null, null, "8\n", "0")));

        assertThat(d.failingCase()).extracting(ProgramDiagnosis.CaseResult::unwanted).isEqualTo("miles: 0.0");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
        assertThat(d.category()).isEqualTo("integer_division");
    }

    @Test
    void aMenuThatAsksAgainEndsWhereTheStudentStoppedTyping() {
        // "i typed pear and it says pear sold out": the loop asks for the next fruit, and nothing more was typed
        String code = "def has(item, items):\n    for x in items:\n        if x == item:\n            return True\n"
                + "        else:\n            return False\n\nstock = ['apple', 'pear', 'plum']\nwhile True:\n"
                + "    w = input('fruit (q to quit): ')\n    if w == 'q':\n        break\n"
                + "    print(w, 'in stock' if has(w, stock) else 'sold out')\n";
        ProgramDiagnosis d = diagnose(code, List.of(withValues(null, null, "pear\n", "pear sold out")));

        assertThat(d.failingCase()).extracting(ProgramDiagnosis.CaseResult::error, ProgramDiagnosis.CaseResult::actual)
                .containsExactly(null, "pear sold out");
        assertThat(d.category()).isEqualTo("return_in_loop");
        assertThat(d.suspicious().get(0).line()).isEqualTo(6);
    }

    @Test
    void aYesNoFunctionPrintingInBothBranchesIsMendedByReturningInBoth() {
        String code = "def is_even(n):\n    if n % 2 == 0:\n        print(True)\n    else:\n        print(False)\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("is_even(4)", "True", null, "assert"),
                TestCase.call("is_even(3)", "False", null, "assert")));

        assertThat(d.category()).isEqualTo("print_instead_of_return");
        assertThat(d.findings().get(0).repaired()).isTrue();
        assertThat(d.suspicious().get(0).line()).isIn(3, 5);
    }

    @Test
    void aCrashOnAnEmptyListTheLineMeasuresIsTheEdgeCase() {
        // "typed stop straight away and it crashed": no number in the list when the mean is taken
        String code = "nums = []\nwhile True:\n    t = input('number or stop: ')\n    if t == 'stop':\n        break\n"
                + "    nums.append(float(t))\nprint('mean', sum(nums) / len(nums))\n";
        ProgramDiagnosis d = diagnose(code, List.of(new TestCase(null, "stop\n", null, null, null, false,
                "traceback")));

        assertThat(d.failingCase().error()).startsWith("ZeroDivisionError");
        assertThat(d.category()).isEqualTo("unhandled_edge_case");
        assertThat(d.suspicious().get(0).line()).isEqualTo(7);
    }

    @Test
    void valuesNoCandidateGivesAreDroppedNotGuessed() {
        ProgramDiagnosis d = diagnose(FIB + "print(fibonacci(3))\n", List.of(withValues(null,
                List.of("fibonacci(3)", "fibonacci(4)"), null, "100", "200")));

        assertThat(d.cases()).isEmpty();
        assertThat(d.failingCase()).isNull();
    }

    @Test
    void testsThatPassAloneButNotAsTheStudentWasToldRunAgainAfterEachOther() {
        // the grader ran its tests in one process: what one call left in a shared default reached the next
        String code = "def evens(nums, found=[]):\n    for n in nums:\n        if n % 2 == 0:\n"
                + "            found.append(n)\n    return found\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("evens([1, 3])", "[]", "[2, 4]", "error"),
                TestCase.call("evens([6])", "[6]", "[2, 4, 6]", "error")));

        assertThat(d.failingCase()).isNotNull();
        assertThat(d.category()).isEqualTo("mutable_default_argument");
        assertThat(d.suspicious().get(0).line()).isEqualTo(1);

        ProgramDiagnosis fixed = diagnose(code.replace("found=[]):", "found=None):\n    found = [] if found is None "
                + "else found"), List.of(TestCase.call("evens([1, 3])", "[]", "[2, 4]", "error"),
                TestCase.call("evens([6])", "[6]", "[2, 4, 6]", "error")));
        assertThat(fixed.failingCase()).isNull();
    }

    @Test
    void aStoppingCaseThatDropsItsValueIsWhereTheRecursionGoesOn() {
        String code = "def total(n):\n    if n == 0:\n        0\n    return n + total(n - 1)\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("total(3)", "6", null, "question")));

        assertThat(d.category()).isEqualTo("recursion_no_base_case");
        assertThat(d.suspicious().get(0).line()).isEqualTo(3);
        assertThat(d.suspicious().get(0).reason()).contains("does not return");
    }

    @Test
    void aListEndedByAnEmptyLineGetsItsEmptyLineAfterWhatWasTyped() {
        String code = "words = []\nwhile True:\n    w = input('word: ')\n    if w == '':\n        break\n"
                + "    words.append(w)\nprint(min(words, key=len))\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("ab\nabcd\n", "abcd", null, "question")));

        assertThat(d.failingCase().error()).isNull();
        assertThat(d.failingCase().printed()).isEqualTo("ab\n");
    }

    @Test
    void aBreakThatShouldSkipOneItemIsRepairedAsContinue() {
        String code = "total = 0\nfor t in ['4', 'x', '5']:\n    if not t.isdigit():\n        break\n"
                + "    total += int(t)\nprint(total)\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("", "9", "4", "question")));

        assertThat(d.category()).isEqualTo("early_break");
        assertThat(d.suspicious().get(0).line()).isEqualTo(4);
        assertThat(d.findings().get(0).repaired()).isTrue();
    }

    @Test
    void textComparedAsANumberNamesWhereTheTypedTextWasKeptSecond() {
        String code = "a = input('first: ')\nb = input('second: ')\nif a > b:\n    print(a)\nelse:\n    print(b)\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("9\n10\n", "10", "9", "question")));

        assertThat(d.category()).isEqualTo("str_int_comparison");
        assertThat(d.suspicious()).extracting(ProgramDiagnosis.SuspiciousLine::line).startsWith(3, 1);
    }

    @Test
    void aCallReadWithTheWrongNumberOfArgumentsIsAMisreadingAndDropped() {
        String code = "def area(w, h):\n    return w + h\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("area(3)", "9", null, "question"),
                TestCase.call("area(3, 4)", "12", "7", "error")));

        assertThat(d.cases()).extracting(ProgramDiagnosis.CaseResult::call).containsExactly("area(3, 4)");
        assertThat(d.failingCase().call()).isEqualTo("area(3, 4)");
    }

    @Test
    void aLoopThatLeavesOnItsFirstPassIsTheBreak() {
        String code = "def has_vowel(word):\n    for ch in word:\n        if ch in 'aeiou':\n            return True\n"
                + "        else:\n            break\n    return False\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("has_vowel('sky blue')", "True", "False", "question")));

        assertThat(d.category()).isEqualTo("early_break");
        assertThat(d.suspicious().get(0).line()).isEqualTo(6);
    }

    @Test
    void aLineTheStudentQuotedWithItsStartAsTheyWantItMatches() {
        String code = "def grade(p):\n    if p > 50:\n        return 'fail'\n    return 'pass'\n\n"
                + "print(grade(80), '(80 points)')\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("", "pass", "fail (80", "question")));

        assertThat(d.failingCase()).isNotNull();
        assertThat(d.findings()).anyMatch(f -> f.confirmed() && f.repaired());
    }

    @Test
    void emptyTextTurnedIntoANumberIsTheEdgeCase() {
        String code = "def total(line):\n    return sum(int(x) for x in line.split(','))\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("total('')", "0", null, "question")));

        assertThat(d.failingCase().error()).startsWith("ValueError");
        assertThat(d.category()).isEqualTo("unhandled_edge_case");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
    }

    @Test
    void theLastNoneOfASliceFromMinusACountIsTheWholeList() {
        String code = "def last(items, n):\n    return items[-n:]\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("last([1, 2, 3], 2)", "[2, 3]", null, "assert"),
                TestCase.call("last([1, 2, 3], 0)", "[]", null, "assert")));

        assertThat(d.category()).isEqualTo("unhandled_edge_case");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
        assertThat(d.findings().get(0).repaired()).isTrue();
    }

    @Test
    void textCleanedUpAndComparedWithANumberIsStillText() {
        String code = "def count(line, x):\n    n = 0\n    for part in line.split(','):\n"
                + "        if part.strip() == x:\n            n += 1\n    return n\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("count('1, 2, 1', 1)", "2", "0", "question")));

        assertThat(d.category()).isEqualTo("str_int_comparison");
        assertThat(d.suspicious().get(0).line()).isEqualTo(4);
    }

    @Test
    void itemsDeletedByPositionWhileTheLoopCountsThemAreNamedAtTheLoop() {
        String code = "def drop_zeros(xs):\n    for i in range(len(xs)):\n        if xs[i] == 0:\n"
                + "            del xs[i]\n    return xs\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("drop_zeros([0, 0, 5])", "[5]", null, "question")));

        assertThat(d.category()).isEqualTo("mutate_while_iterating");
        assertThat(d.suspicious()).extracting(ProgramDiagnosis.SuspiciousLine::line).startsWith(2, 4);
    }

    @Test
    void aNewValueAskedForInTheLoopAndDroppedIsWhyItNeverEnds() {
        String code = "pin = input('pin: ')\nwhile pin != '1234':\n    print('wrong')\n    input('pin: ')\n"
                + "print('in')\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.input("0000\n1234\n", "in", null, "question")));

        assertThat(d.category()).isEqualTo("loop_condition_never_changes");
        assertThat(d.suspicious().get(0).line()).isEqualTo(4);
    }

    @Test
    void aTestOfTheStartOfATextHidesAnEqualityALaterBranchMakes() {
        String code = "def answer(cmd):\n    if cmd.startswith('help'):\n        return 'usage'\n"
                + "    elif cmd == 'help me now':\n        return 'on my way'\n    return '?'\n";
        ProgramDiagnosis d = diagnose(code, List.of(TestCase.call("answer('help me now')", "'on my way'", "'usage'",
                "question")));

        assertThat(d.category()).isEqualTo("shadowed_if_chain");
        assertThat(d.suspicious().get(0).line()).isEqualTo(2);
    }

    @Test
    void aCandidateCallThatIsNoPythonIsLeftOutNotACrash() {
        String code = "def f(x):\n    return x * 2\n\nprint(f(3))\n";
        ProgramDiagnosis d = diagnose(code, List.of(new TestCase(null, null, null, null,
                List.of("f((1 0, 2 0 ...))", "f(3)"), false, "question", List.of("6", "7"))));

        assertThat(d.cases()).extracting(ProgramDiagnosis.CaseResult::call).containsExactly("f(3)");
    }
}
