package dev.learnflow.codeexecution.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputComparisonTest {

    @Test
    void trailingWhitespaceAndBlankLinesDoNotMatter() {
        assertThat(OutputComparison.same("a\nb\n", "a  \r\nb\n\n\n")).isTrue();
        assertThat(OutputComparison.same("a\nb", "a\n b")).isFalse();
        assertThat(OutputComparison.same("", "\n")).isTrue();
    }

    @Test
    void explainsTheFirstDifference() {
        assertThat(OutputComparison.firstDifference("1\n2\n", "1\n3\n")).isEqualTo("line 2: expected '2', got '3'");
        assertThat(OutputComparison.firstDifference("1\n2\n", "1\n")).isEqualTo("line 2: missing, expected '2'");
        assertThat(OutputComparison.firstDifference("1\n", "1\n2\n"))
                .isEqualTo("line 2: unexpected extra output '2'");
        assertThat(OutputComparison.firstDifference("1\n", "")).isEqualTo("printed nothing, expected '1'");
    }
}
