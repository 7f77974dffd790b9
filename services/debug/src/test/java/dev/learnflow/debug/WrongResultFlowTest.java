package dev.learnflow.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.contracts.events.DebugRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.local.testing.MeshPeers;
import dev.learnflow.local.testing.SubscriberApp;
import dev.learnflow.platform.dapr.EventBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Programs that run but give the wrong answer, end to end: debug.requests in, learning.responses out through the
 * local sidecar; the sandbox is code-execution's peer running every program with python3 for real.
 */
@QuarkusTest
class WrongResultFlowTest {

    static final String FIB = "def fibonacci(n):\n    a, b = 0, 1\n    for i in range(n + 1):\n        a, b = b, a + b\n"
            + "    return a\n";
    static final String FIXED_LOOP = "for i in range(n):";

    @Inject
    EventBus events;

    SubscriberApp sink;

    @BeforeEach
    void mesh() {
        sink = MeshPeers.subscriber("debug-wrong-sink", "learning.responses", "progress.events");
        PythonSandbox.peer();
    }

    @Test
    void theFibonacciOffByOneIsFoundFromTheStudentsExpectation() {
        JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), FIB,
                "fibonacci(5) returns 8 but the tests expect 5", 3, null));

        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        JsonNode diagnosis = answer.path("data").path("diagnosis");
        assertThat(diagnosis.path("kind").asText()).isEqualTo("wrong_result");
        JsonNode failing = diagnosis.path("failingCase");
        assertThat(failing.path("call").asText()).isEqualTo("fibonacci(5)");
        assertThat(failing.path("expected").asText()).isEqualTo("5");
        assertThat(failing.path("actual").asText()).isEqualTo("8");
        assertThat(failing.path("source").asText()).isEqualTo("error");
        assertThat(failing.path("hidden").asBoolean()).isFalse();
        assertThat(diagnosis.path("suspiciousLines").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(diagnosis.path("category").asText()).isEqualTo("off_by_one_range");
        assertThat(diagnosis.path("findings").get(0).path("confirmed").asBoolean()).isTrue();
        JsonNode trace = diagnosis.path("trace");
        assertThat(trace.path("call").asText()).isEqualTo("fibonacci(5)");
        assertThat(trace.path("steps").get(0).path("locals").path("n").asText()).isEqualTo("5");
        assertThat(trace.path("steps").get(0).path("depth").asInt()).isEqualTo(1);

        JsonNode hints = answer.path("data").path("hints");
        assertThat(hints).hasSize(3);
        assertThat(hints.get(0).path("text").asText()).contains("`fibonacci(5)`").contains("`8`").contains("`5`")
                .contains("last pass").doesNotContain("line 3");
        assertThat(hints.get(1).path("text").asText()).contains("line 3").contains("one more");
        for (JsonNode hint : hints) {
            assertThat(HintPolicy.violations(hint.path("text").asText(), FIB)).as(hint.toString()).isEmpty();
            assertThat(hint.path("text").asText()).doesNotContain(FIXED_LOOP).doesNotContain("range(n)");
        }
        assertThat(answer.path("text").asText()).contains("off-by-one").doesNotContain("```");
        assertThat(answer.path("data").path("occurrences").path("errorType").asText()).isEqualTo("off_by_one_range");
    }

    @Test
    void failingAssertsAppendedToTheCodePointAtTheLoopNotAtTheAssert() {
        String code = FIB + "\n\nassert fibonacci(1) == 1\nassert fibonacci(5) == 5\n";

        JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), code, null, 2, "why does my test fail?"));

        JsonNode diagnosis = answer.path("data").path("diagnosis");
        assertThat(diagnosis.path("kind").asText()).isEqualTo("wrong_result");
        assertThat(diagnosis.path("failingCase").path("call").asText()).isEqualTo("fibonacci(5)");
        assertThat(diagnosis.path("failingCase").path("source").asText()).isEqualTo("assert");
        assertThat(diagnosis.path("cases")).hasSize(2);
        assertThat(diagnosis.path("cases").get(0).path("passed").asBoolean()).isTrue();
        assertThat(diagnosis.path("suspiciousLines").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(answer.path("data").path("hints").get(1).path("text").asText()).contains("line 3")
                .doesNotContain("line 9");
    }

    @Test
    void aPastedTracebackIsTracedFromTheScriptsOwnCall() {
        // the recursive branch computes its product and drops it: the caller multiplies by None
        String code = "def factorial(n):\n    if n <= 1:\n        return 1\n    else:\n        n * factorial(n - 1)\n\n"
                + "print(factorial(5))\n";
        String traceback = "Traceback (most recent call last):\n  File \"/home/ricky/hw/fact.py\", line 7, in <module>\n"
                + "    print(factorial(5))\n  File \"/home/ricky/hw/fact.py\", line 5, in factorial\n"
                + "    n * factorial(n - 1)\n  File \"/home/ricky/hw/fact.py\", line 5, in factorial\n"
                + "    n * factorial(n - 1)\nTypeError: unsupported operand type(s) for *: 'int' and 'NoneType'";

        JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), code, traceback, 2,
                "why does it say NoneType?? factorial(1) returns 1"));

        JsonNode diagnosis = answer.path("data").path("diagnosis");
        assertThat(diagnosis.path("failingCase").path("call").asText()).isEqualTo("factorial(5)");
        assertThat(diagnosis.path("failingCase").path("source").asText()).isEqualTo("traceback");
        assertThat(diagnosis.path("category").asText()).isEqualTo("missing_return");
        assertThat(diagnosis.path("suspiciousLines").get(0).path("line").asInt()).isEqualTo(5);
        assertThat(answer.path("data").path("hints")).hasSize(2);
    }

    @Test
    void askingForTheFixedCodeStillGetsHintsOnly() {
        for (int level = 1; level <= 3; level++) {
            JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), FIB, null, level,
                    "fibonacci(5) returns 8 instead of 5. Just give me the fixed code, I need it now!"));

            String text = answer.path("text").asText();
            assertThat(text).contains("I won't write the finished code").doesNotContain("```")
                    .doesNotContain(FIXED_LOOP);
            assertThat(answer.path("data").path("solutionWithheld").asBoolean()).isTrue();
            assertThat(answer.path("data").path("hints")).hasSize(level);
            answer.path("data").path("hints").forEach(h ->
                    assertThat(HintPolicy.violations(h.path("text").asText(), FIB)).isEmpty());
        }
    }

    @Test
    void aOneLinerThatNeverStopsGetsItsLoopAndTheVariableThatNeverChanges() {
        JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), null, null, 2,
                "My loop never stops: i = 0; while i < 10: print(i)"));

        JsonNode diagnosis = answer.path("data").path("diagnosis");
        assertThat(diagnosis.path("kind").asText()).isEqualTo("timeout");
        assertThat(diagnosis.path("loop").path("lines").get(0).asInt()).isEqualTo(2);
        assertThat(diagnosis.path("loop").path("unchanged").get(0).asText()).isEqualTo("i");
        assertThat(diagnosis.path("category").asText()).isEqualTo("loop_condition_never_changes");
        assertThat(answer.path("text").asText()).contains("never finishes").contains("`i`");
    }

    @Test
    void logicBugsCountAsRecurringPatterns() {
        UUID user = UUID.randomUUID();
        ask(DebugFlowTest.request(user, FIB, "fibonacci(5) returns 8 but the tests expect 5", 1, null));
        String sumTo = "def sum_to(n):\n    total = 0\n    for k in range(1, n):\n        total += k\n    return total\n";
        JsonNode second = ask(DebugFlowTest.request(user, sumTo, null, 1, "sum_to(3) gives 3, expected 6"));

        assertThat(second.path("data").path("occurrences").path("errorType").asText()).isEqualTo("off_by_one_range");
        assertThat(second.path("data").path("occurrences").path("thisWeek").asInt()).isEqualTo(2);
        assertThat(second.path("text").asText()).contains("second time this week");
    }

    @Test
    void casesThatAllPassAreSaidToPass() {
        String fixed = FIB.replace("range(n + 1)", "range(n)");
        JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), fixed, null, 1,
                "fibonacci(5) returns 8 but should be 5"));

        assertThat(answer.path("data").path("diagnosis").path("kind").asText()).isEqualTo("all_passed");
        assertThat(answer.path("text").asText()).contains("gives the result you expect");
    }

    @Test
    void aSurpriseAtOneOfPythonsRulesGetsTheRuleNotHintsAndIsNotCountedAsAMistake() {
        // own examples (session 39): code that is only values and Python's operations
        UUID student = UUID.randomUUID();
        JsonNode answer = ask(DebugFlowTest.request(student, "print(round(4.5))\nprint(round(5.5))\n", null, 1,
                "why does round(4.5) print 4, it should be 5"));
        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        assertThat(answer.path("text").asText()).contains("no mistake of yours").contains("**even** one")
                .doesNotContain("Hint 1").doesNotContain("time this week");
        assertThat(answer.path("data").path("hints")).isEmpty();
        assertThat(answer.path("data").has("occurrences")).as("not counted as the student's mistake").isFalse();
        assertThat(answer.path("data").path("diagnosis").path("kind").asText()).isEqualTo("wrong_result");

        JsonNode division = ask(DebugFlowTest.request(UUID.randomUUID(), "x = -9 // 4\nprint(x)\n", null, 1,
                "why is it -3 and not -2"));
        assertThat(division.path("text").asText()).contains("towards minus infinity");

        // the same surprise inside the student's own function is their program's: hints as usual
        JsonNode own = ask(DebugFlowTest.request(UUID.randomUUID(),
                "def half(n):\n    return n // 2\n\nprint(half(-9))\n", null, 1, "half(-9) gives -5 but should be -4"));
        assertThat(own.path("text").asText()).contains("Hint 1").doesNotContain("no mistake of yours");
        assertThat(own.path("data").path("occurrences").isMissingNode()).isFalse();
    }

    @Test
    void aRecursionThatRepeatsItsWorkIsTooSlowNotALoopThatNeverEnds() {
        String code = "def ways(n):\n    if n < 2:\n        return 1\n    return ways(n - 1) + ways(n - 2)\n\n"
                + "print(ways(45))\n";
        JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), code, null, 2,
                "is this right? it takes forever and never prints"));

        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        String text = answer.path("text").asText();
        assertThat(text).startsWith("**Your program does not finish in time**").contains("repeats its own work")
                .contains("no loop is stuck").contains("line 4").doesNotContain("a loop keeps running");
        assertThat(answer.path("data").path("occurrences").path("errorType").asText())
                .isEqualTo("repeated_recursive_work");
        for (JsonNode hint : answer.path("data").path("hints")) {
            assertThat(HintPolicy.violations(hint.path("text").asText(), code)).as(hint.toString()).isEmpty();
        }

        // the slow call named by the student
        JsonNode named = ask(DebugFlowTest.request(UUID.randomUUID(), code.replace("print(ways(45))", "for k in range(40):\n"
                + "    print(ways(k))"), null, 1, "ways(33) takes ages, is it ok?"));
        assertThat(named.path("text").asText()).startsWith("**Your program does not finish in time**")
                .contains("no loop is stuck");
    }

    @Test
    void aCleanRunWhoseResultTheStudentCallsWrongIsDiagnosedFromWhatItPrinted() {
        // no value said, only that what it prints is wrong: the likely mistake whose repair changes that output
        String code = "board = [[\".\"] * 3] * 3\nboard[1][2] = \"O\"\nfor row in board:\n    print(row)\n";
        JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), code, null, 2,
                "i only put an O in the middle row but every row gets it"));

        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        JsonNode diagnosis = answer.path("data").path("diagnosis");
        assertThat(diagnosis.path("category").asText()).isEqualTo("shared_mutable_object");
        assertThat(diagnosis.path("suspiciousLines").get(0).path("line").asInt()).isEqualTo(1);
        JsonNode hints = answer.path("data").path("hints");
        assertThat(hints.get(0).path("text").asText()).contains("you say that is not what it should print");
        assertThat(hints.get(1).path("text").asText()).contains("line 1").contains("same inner list");
        for (JsonNode hint : hints) {
            assertThat(HintPolicy.violations(hint.path("text").asText(), code)).as(hint.toString()).isEmpty();
            assertThat(hint.path("text").asText()).doesNotContain("for _ in range");
        }
        assertThat(answer.path("text").asText()).doesNotContain("without an error");
    }

    @Test
    void aProgramReadingInputIsRunWithTheNumbersTheStudentTellsOf() {
        // nothing said to be typed, but "7 is more than 12" tells what went in: text compared with text
        String code = "x = input('x: ')\ny = input('y: ')\nif x > y:\n    print(x, 'is more')\nelse:\n"
                + "    print(y, 'is more')\n";
        JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), code, null, 2,
                "it tells me 7 is more than 12 which is just wrong"));

        JsonNode diagnosis = answer.path("data").path("diagnosis");
        assertThat(diagnosis.path("category").asText()).isEqualTo("str_int_comparison");
        assertThat(diagnosis.path("failingCase").path("stdin").asText()).isEqualTo("7\n12\n");
        assertThat(answer.path("text").asText()).doesNotContain("EOFError").contains("`7, 12`")
                .doesNotContain("int(input");
    }

    @Test
    void aCleanRunOfARightProgramIsReportedNotBlamed() {
        String code = "scores = [4, 8, 15]\ntotal = 0\nfor s in scores:\n    total = total + s\nprint(total)\n";
        JsonNode answer = ask(DebugFlowTest.request(UUID.randomUUID(), code, null, 1,
                "the total looks too small to me, shouldnt it be more??"));

        assertThat(answer.path("text").asText()).contains("without an error").contains("> 27");
        assertThat(answer.path("data").path("diagnosis").isMissingNode()).isTrue();
    }

    private JsonNode ask(DebugRequested request) {
        events.publish(EventTopic.DEBUG_REQUESTS, request);
        await().atMost(Duration.ofSeconds(60)).until(() -> !responses(request.requestId()).isEmpty());
        return responses(request.requestId()).get(0).path("data");
    }

    private List<JsonNode> responses(UUID requestId) {
        return MeshPeers.received(sink, "learning.responses",
                d -> d.path("requestId").asText().equals(requestId.toString()));
    }
}
