package dev.learnflow.debug.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.learnflow.platform.guard.PythonBrackets;

import java.util.List;

/**
 * One way the student's program should behave: a call with its expected value, or an input with its expected
 * output. Travels to the diagnosis harness as JSON.
 *
 * @param call       a Python expression calling the student's function, e.g. {@code fibonacci(5)}, possibly after
 *                   statements that set it up, joined by {@code ;} ({@code s = Stack(); s.push(1); s.pop()}: the
 *                   harness runs them first and compares the last one's value); null for stdin cases
 * @param stdin      what is typed in, for a whole-program case; null for call cases
 * @param expected   the expected value (a Python literal) or expected output; null when only the run matters
 * @param claimed    what the student says the program gives, when they said it
 * @param candidates calls in the student's code to choose from when the student gave no input ("returns 8
 *                   instead of 5"): the harness takes the one whose value is {@code claimed}
 * @param hidden     an exercise's hidden test: used for the diagnosis, never shown
 * @param source     where it came from: question, error, assert, doctest, exercise, prompt, stdin
 * @param values     literal values the student wrote when their words did not say which one the program gives and
 *                   which one they want: the harness runs the call (or each candidate, or the program with its
 *                   typed input) and takes the value it gives as claimed and another one as expected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestCase(String call, String stdin, String expected, String claimed, List<String> candidates,
                       boolean hidden, String source, List<String> values) {

    public TestCase(String call, String stdin, String expected, String claimed, List<String> candidates,
                    boolean hidden, String source) {
        this(call, stdin, expected, claimed, candidates, hidden, source, null);
    }

    public static TestCase call(String call, String expected, String claimed, String source) {
        return new TestCase(call, null, expected, claimed, null, false, source);
    }

    public static TestCase input(String stdin, String expected, String claimed, String source) {
        return new TestCase(null, stdin, expected, claimed, null, false, source);
    }

    /** The same case with another call. */
    public TestCase withCall(String otherCall) {
        return new TestCase(otherCall, stdin, expected, claimed, candidates, hidden, source, values);
    }

    /** The same case with other typed input. */
    public TestCase withStdin(String otherStdin) {
        return new TestCase(call, otherStdin, expected, claimed, candidates, hidden, source, values);
    }

    /** The call with the statements that set it up run first: {@code "acc = Account(100); acc.withdraw(30)"}. */
    public static String withSetup(List<String> setup, String call) {
        return setup.isEmpty() ? call : String.join("; ", setup) + "; " + call;
    }

    /** The statement whose value is compared: the last one of a call with setup (a {@code ;} outside literals). */
    public static String compared(String call) {
        if (call == null) {
            return null;
        }
        PythonBrackets brackets = new PythonBrackets();
        int last = -1;
        for (int i = 0; i < call.length(); i++) {
            if (brackets.next(call.charAt(i)) && call.charAt(i) == ';' && brackets.depth() == 0) {
                last = i;
            }
        }
        return call.substring(last + 1).strip();
    }

    /** Whether statements run before the compared one. */
    public static boolean hasSetup(String call) {
        return call != null && !compared(call).equals(call.strip());
    }
}
