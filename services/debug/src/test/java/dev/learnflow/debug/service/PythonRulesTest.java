package dev.learnflow.debug.service;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rule of Python's a program made only of values and Python's operations shows (own examples). */
class PythonRulesTest {

    @Test
    void eachRuleIsFoundInCodeThatShowsIt() {
        assertThat(PythonRules.behind("print(round(0.5))")).contains("round");
        assertThat(PythonRules.behind("print(-3**2)")).contains("power-after-minus");
        assertThat(PythonRules.behind("print(13 // -5)\nprint(-13 % 5)")).contains("floor-division-negative");
        assertThat(PythonRules.behind("print('Zebra' > 'apple')")).contains("string-comparison");
        assertThat(PythonRules.behind("print(bool('no'))")).contains("bool-of-string");
        assertThat(PythonRules.behind("print(int(9.9))")).contains("int-cuts-off");
        assertThat(PythonRules.behind("total = 0.2 + 0.1\nprint(total == 0.3)")).contains("float-decimals");
        assertThat(PythonRules.behind("print(10 / 5)")).contains("true-division");
        assertThat(PythonRules.behind("print('7' * 3)")).contains("string-repetition");
        assertThat(PythonRules.behind("a = '3'\nb = '4'\nprint(a + b)")).isEmpty();   // names, not literals joined
        assertThat(PythonRules.behind("print('3' + '4')")).contains("string-concatenation");
        assertThat(PythonRules.behind("print(None or 'x')")).contains("and-or-operand");
    }

    @Test
    void anExpressionAQuestionWithoutCodeAsksAboutIsReadAsTheProgram() {
        assertThat(PythonRules.inQuestion("why does -9 // 4 give -3 and not -2")).contains("floor-division-negative");
        assertThat(PythonRules.inQuestion("round(0.5) gives 0?? is python broken")).contains("round");
        assertThat(PythonRules.inQuestion("why is 0.1 * 3 == 0.3 false on my laptop")).contains("float-decimals");
        assertThat(PythonRules.inQuestion("how come \"12\" < \"9\" is True")).contains("string-comparison");
        // numbers in a sentence are no expression asked about
        assertThat(PythonRules.inQuestion("3/4 of my tests fail and i dont know why")).isEmpty();
        assertThat(PythonRules.inQuestion("my loop runs 10 - 20 times")).isEmpty();
        assertThat(PythonRules.inQuestion(null)).isEmpty();
    }

    @Test
    void codeWithTheStudentsOwnLogicOrNamesIsNoDemonstration() {
        assertThat(PythonRules.behind("def half(n):\n    return n // 2\nprint(half(-9))")).isEmpty();
        assertThat(PythonRules.behind("for i in range(3):\n    print(i / 2)")).isEmpty();
        assertThat(PythonRules.behind("print(round(price))")).isEmpty();
        assertThat(PythonRules.behind("n = int(input())\nprint(n // -2)")).isEmpty();
        assertThat(PythonRules.behind("x = 5")).as("nothing printed").isEmpty();
        assertThat(PythonRules.behind("print(len('abc'))")).as("no rule").isEqualTo(Optional.empty());
        assertThat(PythonRules.behind(null)).isEmpty();
    }
}
