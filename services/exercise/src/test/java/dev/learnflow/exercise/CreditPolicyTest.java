package dev.learnflow.exercise;

import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.domain.TestCaseResult;
import dev.learnflow.contracts.domain.TestVisibility;
import dev.learnflow.exercise.service.CreditPolicy;
import dev.learnflow.exercise.domain.ExerciseTest;
import dev.learnflow.exercise.service.ResultMasking;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pure rules: partial credit with the per-attempt penalty, result masking, setup folding. */
class CreditPolicyTest {

    @Test
    void withoutPenaltyTheScoreIsTheFractionPassed() {
        CreditPolicy none = new CreditPolicy(0.0, 0.5);
        assertThat(none.score(3, 4, 1)).isEqualTo(0.75);
        assertThat(none.score(3, 4, 9)).isEqualTo(0.75);
        assertThat(none.score(0, 4, 1)).isZero();
        assertThat(none.score(0, 0, 1)).isZero();
    }

    @Test
    void penaltyShrinksCreditPerAttemptDownToTheMinimum() {
        CreditPolicy tenPercent = new CreditPolicy(0.1, 0.5);
        assertThat(tenPercent.score(4, 4, 1)).isEqualTo(1.0);
        assertThat(tenPercent.score(4, 4, 2)).isEqualTo(0.9);
        assertThat(tenPercent.score(2, 4, 3)).isEqualTo(0.4);
        assertThat(tenPercent.score(4, 4, 20)).isEqualTo(0.5);
        assertThatThrownBy(() -> new CreditPolicy(-0.1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hiddenResultsLoseValuesAndMessagesQuotingInputs() {
        TestCaseResult failed = new TestCaseResult("secret", TestVisibility.HIDDEN, false,
                ExecutionStatus.RUNTIME_ERROR, "42", null, "ValueError: invalid literal 'top-secret' (line 2)", 3);
        TestCaseResult masked = ResultMasking.forStudent(failed);
        assertThat(masked.expected()).isNull();
        assertThat(masked.actual()).isNull();
        assertThat(masked.message()).isEqualTo("hidden test: the code raised ValueError").doesNotContain("top-secret");
        assertThat(ResultMasking.errorType(failed)).contains("ValueError");

        TestCaseResult revealed = ResultMasking.forStudent(new TestCaseResult("t", TestVisibility.HIDDEN_UNLESS_FAILING,
                false, ExecutionStatus.OK, "5", "6", "expected 5, got 6", 1));
        assertThat(revealed.expected()).isEqualTo("5");
        assertThat(revealed.message()).isEqualTo("expected 5, got 6");

        TestCaseResult passingSecret = ResultMasking.forStudent(new TestCaseResult("t",
                TestVisibility.HIDDEN_UNLESS_FAILING, true, ExecutionStatus.OK, "5", "5", null, 1));
        assertThat(passingSecret.expected()).isNull();
        assertThat(passingSecret.actual()).isNull();
    }

    @Test
    void setupIsFoldedIntoTheCallAsAPythonStringLiteral() {
        ExerciseTest test = new ExerciseTest("t", null, null, "acct = Account('O\\'Brien')\nacct.pay(1)\t",
                "acct.balance", "1", TestVisibility.SHOWN);
        assertThat(test.toRunnable().call())
                .isEqualTo("(exec('acct = Account(\\'O\\\\\\'Brien\\')\\nacct.pay(1)\\t'), (acct.balance))[-1]");
        assertThat(new ExerciseTest("t", null, null, null, "f(1)", "1", TestVisibility.SHOWN).toRunnable().call())
                .isEqualTo("f(1)");
    }
}
