package dev.learnflow.debug.service;

import dev.learnflow.contracts.domain.TestCase;
import dev.learnflow.contracts.domain.TestVisibility;
import dev.learnflow.debug.domain.ProgramDiagnosis.CaseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The category a failing hidden test is named by: its kind of input and how it ended, never its values. */
class HiddenCaseNotesTest {

    private static TestCase call(String call) {
        return TestCase.call("t", call, "0", TestVisibility.HIDDEN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mean([])                          | an empty list",
            "count_words('')                   | an empty string",
            "merge({}, {'a': 1})               | an empty dictionary",
            "f(set())                          | an empty set",
            "price_with_tax(9.99, 0)           | zero",
            "ticket_price(-1)                  | a negative number",
            "factorial(10000000)               | a very large number",
            "first([42])                       | a one-element list",
            "dedupe([3, 1, 3])                 | repeated values in a list",
            "largest([-5, -2])                 | negative numbers in a list",
            "shout('   ')                      | a string of only spaces",
            "f(None)                           | None as input",
            "format_price(2, decimals=0)       | zero",
            "rotate_left(['a', 'b'], k=[])     | an empty list"})
    void aCallIsNamedByItsMostTellingArgument(String call, String category) {
        assertThat(HiddenCaseNotes.category(call(call))).contains(category);
    }

    @Test
    void ordinaryArgumentsHaveNoCategory() {
        assertThat(HiddenCaseNotes.category(call("add(2, 3)"))).isEmpty();
        assertThat(HiddenCaseNotes.category(call("greet('Ada, Grace')"))).isEmpty();
        assertThat(HiddenCaseNotes.category(call("outcome"))).isEmpty();
    }

    @Test
    void aSetupsAssignmentsAreReadForTheNamesTheCallUses() {
        // how the exercise service folds a test's setup into its call
        TestCase folded = call("(exec('data = []\\nother = 5'), (rotate_left(data)))[-1]");
        assertThat(HiddenCaseNotes.category(folded)).contains("an empty list");
        assertThat(HiddenCaseNotes.category(call("(exec('n = 10'), (total(n)))[-1]"))).isEmpty();
    }

    @Test
    void typedInputIsNamedByItsNumbersOrItsAbsence() {
        assertThat(HiddenCaseNotes.category(TestCase.io("t", "", "0", TestVisibility.HIDDEN))).contains("no input");
        assertThat(HiddenCaseNotes.category(TestCase.io("t", "Ada\n-3\n", "x", TestVisibility.HIDDEN)))
                .contains("a negative number");
        assertThat(HiddenCaseNotes.category(TestCase.io("t", "Ada\n", "x", TestVisibility.HIDDEN))).isEmpty();
    }

    @Test
    void notesSayHowTheHiddenTestEndedAndOnlyForFailingHiddenOnes() {
        List<TestCase> tests = List.of(call("f([])"), call("f(-1)"), call("f(7)"), call("f(0)"),
                TestCase.call("shown", "f(1)", "1", TestVisibility.SHOWN));
        List<CaseResult> results = List.of(
                result(true, false, null, false),
                result(true, false, "ZeroDivisionError: division by zero", false),
                result(true, false, "the program did not stop", true),
                result(true, true, null, false),
                result(false, false, null, false));

        assertThat(HiddenCaseNotes.notes(tests, results)).containsExactly(
                "A hidden test with an empty list fails: your result is not the expected one.",
                "A hidden test with a negative number stops with ZeroDivisionError.",
                "A hidden test does not finish: a loop or a recursion keeps running.");
    }

    private static CaseResult result(boolean hidden, boolean passed, String error, boolean runaway) {
        return new CaseResult("secret", null, "secret", "secret", passed, error, hidden, "exercise", runaway, "",
                null);
    }

    @Test
    void nothingIsMadeUpForUnparseableCalls() {
        assertThat(HiddenCaseNotes.category(call("f([1, 2"))).isEqualTo(Optional.empty());
    }
}
