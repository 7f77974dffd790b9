package dev.learnflow.platform.guard;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PythonBracketsTest {

    /** The indexes of {@code target} that stand outside strings and brackets. */
    private static List<Integer> topLevel(String code, char target) {
        PythonBrackets brackets = new PythonBrackets();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (brackets.next(c) && c == target && brackets.depth() == 0) {
                found.add(i);
            }
        }
        return found;
    }

    @Test
    void punctuationInsideStringsOrBracketsIsNotTheLinesOwn() {
        assertThat(topLevel("a = 1; print('x;y'); f(g(1; 2)); b = [3; 4]", ';')).containsExactly(5, 19, 31);
    }

    @Test
    void anEscapedQuoteDoesNotEndItsString() {
        assertThat(topLevel("s = 'it\\'s: fine': x", ':')).containsExactly(17);
    }

    @Test
    void aStrayClosingBracketDoesNotGoBelowZero() {
        PythonBrackets brackets = new PythonBrackets();
        "x)) (".chars().forEach(c -> brackets.next((char) c));
        assertThat(brackets.depth()).isEqualTo(1);
        assertThat(PythonBrackets.isClosing(']')).isTrue();
        assertThat(PythonBrackets.isClosing('(')).isFalse();
    }
}
