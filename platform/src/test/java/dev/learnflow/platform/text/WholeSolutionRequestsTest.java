package dev.learnflow.platform.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Both signs are needed: graded work, and asking for it done rather than for help doing it. */
class WholeSolutionRequestsTest {

    @Test
    void gradedWorkAskedForDoneIsAWholeSolutionRequest() {
        for (String m : List.of("can you do my python homework for me", "write the whole assignment for me pls",
                "just send me the full code so i can hand it in", "could you complete my coursework, no explanation",
                "please finish my final project, it is due tomorrow, dont explain anything")) {
            assertThat(WholeSolutionRequests.asks(m)).as(m).isTrue();
        }
    }

    @Test
    void helpWithThePiecesOfGradedWorkIsNot() {
        for (String m : List.of("my assignment says to use a while loop, how does it work",
                "how do i write my first function for my homework", "can you explain for loops, my exam is due soon",
                "write a function for me that adds two numbers", "can you make the loop stop for my final project",
                "the error was due to a typo, how do i find typos faster")) {
            assertThat(WholeSolutionRequests.asks(m)).as(m).isFalse();
        }
    }
}
