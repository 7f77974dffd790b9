package dev.learnflow.codeexecution;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static dev.learnflow.local.testing.ProblemResponse.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** The auto-grading runner: io and call cases in one sandbox start, graded on the host. */
@QuarkusTest
class TestRunnerTest {

    private static final String SOLUTION = """
            def add(a, b):
                print("adding", a, b)
                return a + b

            def pairs(n):
                return {i: [i, i * i, (i,)] for i in range(n)}

            class Liar:
                def __eq__(self, other):
                    return True

            def cheat():
                return Liar()

            def spin():
                while True:
                    pass

            if __name__ == "__main__":
                a, b = map(int, input().split())
                print(add(a, b))
            """;

    private static Map<String, Object> call(String name, String call, String expected) {
        return Map.of("name", name, "call", call, "expected", expected, "visibility", "shown");
    }

    private static Map<String, Object> io(String name, String stdin, String expectedStdout) {
        return Map.of("name", name, "stdin", stdin, "expectedStdout", expectedStdout, "visibility", "hidden");
    }

    private static Map<String, Object> shownIo(String name, String stdin, String expectedStdout) {
        return Map.of("name", name, "stdin", stdin, "expectedStdout", expectedStdout, "visibility", "shown");
    }

    private static JsonPath grade(String code, List<Map<String, Object>> tests, Integer timeLimitMs) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "tests", tests));
        if (timeLimitMs != null) {
            body.put("timeLimitMs", timeLimitMs);
        }
        return Runs.tests(body).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void gradesCallAndIoCasesWithPythonEquality() {
        JsonPath r = grade(SOLUTION, List.of(
                call("adds ints", "add(2, 3)", "5"),
                call("int equals float", "add(2, 3)", "5.0"),
                call("strings", "add('a', 'b')", "'ab'"),
                call("wrong", "add(2, 2)", "5"),
                call("structures", "pairs(3)", "{0: [0, 0, (0,)], 1: [1, 1, (1,)], 2: [2, 4, (2,)]}"),
                call("list is not tuple", "[1, 2]", "(1, 2)"),
                io("program", "4 5\n", "adding 4 5\n9   \n\n"),
                io("program wrong", "1 1\n", "adding 1 1\n3\n"),
                io("bad input", "x\n", "anything")), 2000);
        List<Map<String, Object>> results = r.getList("results");
        assertThat(results).hasSize(9);
        assertThat(r.getList("results.passed", Boolean.class))
                .containsExactly(true, true, true, false, true, false, true, false, false);
        assertThat(r.getString("results[3].message")).isEqualTo("expected 5, got 4");
        assertThat(r.getString("results[3].actual")).isEqualTo("4");
        // A hidden test's message does not quote what the grader hides.
        assertThat(r.getString("results[7].message")).isEqualTo("the output differs from the expected output");
        assertThat(r.getString("results[8].status")).isEqualTo("runtime_error");
        assertThat(r.getString("results[8].message")).startsWith("ValueError: invalid literal for int()");
        assertThat(r.getString("results[6].visibility")).isEqualTo("hidden");
    }

    @Test
    void shownTestsExplainTheDifference() {
        JsonPath r = grade(SOLUTION, List.of(shownIo("shown wrong", "1 1\n", "adding 1 1\n3\n")), null);
        assertThat(r.getString("results[0].message")).isEqualTo("line 2: expected '3', got '2'");
    }

    @Test
    void objectsThatClaimEqualityDoNotPass() {
        JsonPath r = grade(SOLUTION, List.of(call("liar", "cheat()", "42")), null);
        assertThat(r.getBoolean("results[0].passed")).isFalse();
        assertThat(r.getString("results[0].message")).contains("not a plain Python value");
    }

    @Test
    void aHangingCaseTimesOutAndTheOthersStillRun() {
        JsonPath r = grade(SOLUTION, List.of(
                call("spins", "spin()", "None"),
                call("after", "add(1, 1)", "2")), 500);
        assertThat(r.getString("results[0].status")).isEqualTo("timeout");
        assertThat(r.getString("results[0].message")).isEqualTo("timed out after 500 ms");
        assertThat(r.getBoolean("results[1].passed")).isTrue();
    }

    @Test
    void casesAreIsolatedFromEachOther() {
        String code = """
                import os
                state = []
                def touch():
                    state.append(1)
                    with open('/tmp/marker', 'a') as f:
                        f.write('x')
                    os.makedirs('notes/locked')
                    os.chmod('notes', 0o500)
                    with open('/dev/shm/shared', 'a') as f:
                        f.write('y')
                    return (len(state), open('/tmp/marker').read(), sorted(os.listdir('.')),
                            open('/dev/shm/shared').read())
                """;
        String expected = "(1, 'x', ['main.py', 'marker', 'notes'], 'y')";
        JsonPath r = grade(code, List.of(call("first", "touch()", expected), call("second", "touch()", expected)),
                null);
        // Module state is fresh per case (each case is a new process) and so are /tmp (the working directory,
        // even with a read-only directory left in it) and /dev/shm.
        assertThat(r.getList("results.passed", Boolean.class)).as(r.prettify()).containsExactly(true, true);
    }

    @Test
    void expectedValuesNeverEnterTheSandbox() {
        String code = """
                import gc, sys
                def leak():
                    seen = [o for o in gc.get_objects() if isinstance(o, str) and 'SECRET-EXPECTED' in o]
                    return repr(seen) + open('/proc/self/cmdline').read()
                """;
        JsonPath r = grade(code, List.of(call("leak", "leak()", "'SECRET-EXPECTED-42'")), null);
        assertThat(r.getBoolean("results[0].passed")).isFalse();
        assertThat(r.getString("results[0].actual")).doesNotContain("SECRET-EXPECTED-42");
    }

    @Test
    void invalidExpectedValueIsA400BeforeAnythingRuns() {
        Runs.tests(Map.of("code", "x = 1", "tests", List.of(call("bad", "f()", "os.system('x')"))))
                .then().spec(problem(400, "validation"))
                .body("errors.field", hasItem("tests[0].expected"));
        Runs.tests(Map.of("code", "x = 1", "tests",
                        List.of(Map.of("name", "neither", "visibility", "shown"))))
                .then().statusCode(400)
                .body("errors.field", hasItem("tests[0].expectedStdout"));
    }

    private static List<Map<String, Object>> cases(int count, IntFunction<Map<String, Object>> testCase) {
        return IntStream.range(0, count).mapToObj(testCase).toList();
    }

    @Test
    void atMostFiftyTests() {
        Runs.tests(Map.of("code", "x = 1", "tests", cases(51, i -> call("t" + i, "1", "1"))))
                .then().statusCode(400)
                .body("errors.field", hasItem("tests"));
    }

    @Test
    void fiftyCasesRunInOneSandboxStart() {
        List<Map<String, Object>> many = cases(50, i -> call("t" + i, "add(" + i + ", 1)", Integer.toString(i + 1)));
        long start = System.nanoTime();
        JsonPath r = grade(SOLUTION, many, null);
        assertThat(r.getList("results.passed", Boolean.class)).hasSize(50).containsOnly(true);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);
    }
}
