package dev.learnflow.codeexecution.service;

import dev.learnflow.codeexecution.client.SandboxPool;
import dev.learnflow.codeexecution.client.SelfTest;
import dev.learnflow.codeexecution.config.SandboxConfig;
import dev.learnflow.codeexecution.domain.ProgramResult;
import dev.learnflow.codeexecution.domain.SandboxJob;
import dev.learnflow.codeexecution.domain.SandboxLimits;
import dev.learnflow.codeexecution.domain.SandboxRun;
import dev.learnflow.contracts.api.Problem;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.api.RunTestsRequest;
import dev.learnflow.contracts.api.RunTestsResponse;
import dev.learnflow.contracts.domain.ExecutionError;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.domain.TestCase;
import dev.learnflow.contracts.domain.TestCaseResult;
import dev.learnflow.contracts.domain.TestVisibility;
import dev.learnflow.contracts.validation.Limits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs student code and grades test cases. The only way to code execution: every run goes through the
 * {@link SandboxPool} (which refuses when the self-test has not passed), never anything else.
 */
@ApplicationScoped
public class ExecutionService {

    static final int ACTUAL_SHOWN_MAX = 2_000;

    @Inject
    SandboxPool pool;
    @Inject
    SandboxConfig config;
    @Inject
    RunEventPublisher events;
    @Inject
    SelfTest selfTest;

    /** Runs one program. The student's failures are statuses in the response, not errors. */
    public RunCodeResponse run(RunCodeRequest request, RunContext context) {
        int timeoutMs = timeout(request.timeoutMs(), config.limits().defaultTimeoutMs());
        int out = config.limits().outputBytes();
        SandboxLimits limits = limits(timeoutMs, config.limits().memoryMb(), out, timeoutMs);
        SandboxRun run = pool.run(SandboxJob.run(request.code(), request.stdin(), limits));
        if (!run.started()) {
            selfTest.recheckSoon();
        }
        ProgramResult p = run.programs().isEmpty() ? null : run.programs().get(0);
        String stdout = p == null ? "" : text(p.stdout());
        String stderr = p == null ? "" : text(p.stderr());
        Optional<ExecutionError> error = TracebackParser.parse(stderr);
        ExecutionStatus status = OutcomeClassifier.classify(run, p, error, stderr);
        ExecutionError shown = status == ExecutionStatus.OK ? null : error.orElse(null);
        boolean truncated = p != null && (p.stdoutTruncated() || p.stderrTruncated() || p.outputLimited());
        long wallMs = p == null ? run.hostWallMs() : p.wallMicros() / 1_000;
        long cpuMs = p == null ? 0 : p.cpuMicros() / 1_000;
        RunCodeResponse response = new RunCodeResponse(stdout, stderr, p == null ? null : p.exitCode(), status,
                wallMs, cpuMs, shown, truncated);
        events.publish(context, new RunEventPublisher.RunSummary("run", status,
                shown == null ? null : shown.type(), wallMs, response.exitCode(), null, null));
        return response;
    }

    /**
     * Runs a submission against test cases in one sandbox start: each case is a fresh child process of the
     * sandbox's supervisor (so cases cannot leak state into each other), and expected values stay on the host.
     */
    public RunTestsResponse runTests(RunTestsRequest request, RunContext context) {
        List<TestCase> tests = request.tests();
        List<PyValue> expectedValues = new ArrayList<>();
        List<Problem.FieldError> invalid = new ArrayList<>();
        List<SandboxJob.Case> cases = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            TestCase t = tests.get(i);
            if (t.callStyle()) {
                if (t.call().isBlank()) {
                    invalid.add(new Problem.FieldError("tests[" + i + "].call", "must not be blank"));
                }
                if (t.expected() == null) {
                    invalid.add(new Problem.FieldError("tests[" + i + "].expected",
                            "is required for a call test"));
                    expectedValues.add(null);
                } else {
                    try {
                        expectedValues.add(PyLiteral.parse(t.expected()));
                    } catch (PyLiteral.LiteralException e) {
                        invalid.add(new Problem.FieldError("tests[" + i + "].expected",
                                "is not a Python literal (" + e.getMessage() + ")"));
                        expectedValues.add(null);
                    }
                }
                cases.add(new SandboxJob.Case(SandboxJob.Kind.CALL, t.call()));
            } else {
                if (t.expectedStdout() == null) {
                    invalid.add(new Problem.FieldError("tests[" + i + "].expectedStdout",
                            "is required unless the test has a call"));
                }
                expectedValues.add(null);
                cases.add(new SandboxJob.Case(SandboxJob.Kind.IO, t.stdin()));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidTestsException(invalid);
        }
        int timeoutMs = timeout(request.timeLimitMs(), config.tests().defaultTimeoutMs());
        int memoryMb = request.memoryLimitMb() != null ? request.memoryLimitMb() : config.limits().memoryMb();
        int caseOut = config.tests().caseOutputBytes();
        SandboxLimits limits = limits(timeoutMs, memoryMb, caseOut, config.tests().budgetMs());
        SandboxRun run = pool.run(new SandboxJob(request.code(), "", cases, limits));
        if (!run.started()) {
            selfTest.recheckSoon();
        }
        List<TestCaseResult> results = new ArrayList<>();
        String firstError = null;
        long totalMs = 0;
        int passed = 0;
        ExecutionStatus worst = ExecutionStatus.OK;
        for (int i = 0; i < tests.size(); i++) {
            ProgramResult p = i < run.programs().size() ? run.programs().get(i) : null;
            TestCaseResult r = grade(tests.get(i), expectedValues.get(i), run, p, timeoutMs, memoryMb);
            results.add(r);
            totalMs += r.wallTimeMs();
            if (r.passed()) {
                passed++;
            } else if (worst == ExecutionStatus.OK) {
                worst = r.status();
            }
            if (firstError == null && p != null && !r.passed()) {
                firstError = TracebackParser.parse(text(p.stderr())).map(ExecutionError::type).orElse(null);
            }
        }
        events.publish(context, new RunEventPublisher.RunSummary("tests", run.started() ? worst
                : ExecutionStatus.SANDBOX_ERROR, firstError, totalMs, null, passed, tests.size()));
        return new RunTestsResponse(results);
    }

    private TestCaseResult grade(TestCase t, PyValue expected, SandboxRun run, ProgramResult p, int timeoutMs,
                                 int memoryMb) {
        String stderr = p == null ? "" : text(p.stderr());
        Optional<ExecutionError> error = TracebackParser.parse(stderr);
        ExecutionStatus status = OutcomeClassifier.classify(run, p, error, stderr);
        long wallMs = p == null ? 0 : p.wallMicros() / 1_000;
        String shownExpected = t.callStyle() ? t.expected() : t.expectedStdout();
        if (status != ExecutionStatus.OK) {
            String actual = p == null || t.callStyle() ? null : shorten(text(p.stdout()));
            return new TestCaseResult(t.name(), t.visibility(), false, status, shownExpected, actual,
                    describe(status, error, p, timeoutMs, memoryMb), wallMs);
        }
        if (t.callStyle()) {
            String display = p.valueDisplay();
            String literal = p.valueLiteral();
            if (literal == null) {
                return new TestCaseResult(t.name(), t.visibility(), false, status, shownExpected, null,
                        "the program ended before the call returned a value", wallMs);
            }
            boolean equal = false;
            if (!literal.isEmpty() && !p.valueTruncated()) {
                try {
                    equal = PyValue.pyEquals(PyLiteral.parse(literal), expected);
                } catch (PyLiteral.LiteralException e) {
                    equal = false;
                }
            }
            String message = equal ? null : hidden(t)
                    ? "the returned value is not the expected one"
                    : literal.isEmpty()
                    ? "expected " + t.expected() + ", got " + display + " (not a plain Python value)"
                    : "expected " + t.expected() + ", got " + display;
            return new TestCaseResult(t.name(), t.visibility(), equal, status, shownExpected, shorten(display),
                    message == null ? null : shorten(message), wallMs);
        }
        String actual = text(p.stdout());
        boolean equal = !p.stdoutTruncated() && OutputComparison.same(t.expectedStdout(), actual);
        String message = equal ? null : hidden(t) ? "the output differs from the expected output"
                : OutputComparison.firstDifference(t.expectedStdout(), actual);
        return new TestCaseResult(t.name(), t.visibility(), equal, status, shownExpected, shorten(actual), message,
                wallMs);
    }

    /**
     * Messages of hidden tests never quote the expected value: the grader masks {@code expected} and
     * {@code actual} of hidden tests, and a message must not leak what those fields hide.
     */
    private static boolean hidden(TestCase t) {
        return t.visibility() == TestVisibility.HIDDEN;
    }

    private static String describe(ExecutionStatus status, Optional<ExecutionError> error, ProgramResult p,
                                   int timeoutMs, int memoryMb) {
        return switch (status) {
            case TIMEOUT -> p != null && p.skipped()
                    ? "not run: the test run's time budget was used up"
                    : "timed out after " + timeoutMs + " ms";
            case MEMORY_LIMIT -> "ran out of memory (limit " + memoryMb + " MB)";
            case OUTPUT_LIMIT -> error.map(e -> e.type() + ": " + e.message()).orElse("wrote too much output");
            case KILLED -> p == null ? "not run: an earlier test ended the test run" : "the program was killed"
                    + (p.signal() != 0 ? " (signal " + p.signal() + ")" : "");
            case SANDBOX_ERROR -> "the sandbox failed to run this test (not a problem with the code)";
            case RUNTIME_ERROR -> error.map(e -> e.type() + (e.message().isEmpty() ? "" : ": " + e.message())
                            + (e.line() != null ? " (line " + e.line() + ")" : ""))
                    .orElse("exited with code " + (p == null ? "?" : p.exitCode()));
            case OK -> null;
        };
    }

    private int timeout(Integer requested, int fallback) {
        int max = Math.min(config.limits().maxTimeoutMs(), Limits.RUN_TIMEOUT_MAX_MS);
        int wanted = requested != null ? requested : fallback;
        return Math.max(Limits.RUN_TIMEOUT_MIN_MS, Math.min(wanted, max));
    }

    private SandboxLimits limits(int timeoutMs, int memoryMb, int outputBytes, int budgetMs) {
        SandboxConfig.Limits l = config.limits();
        int cpuSeconds = Math.max(1, (timeoutMs + 999) / 1000);
        return new SandboxLimits(timeoutMs, cpuSeconds, (long) memoryMb << 20, l.fileSizeBytes(), l.processes(),
                l.openFiles(), outputBytes, outputBytes, budgetMs);
    }

    static String shorten(String s) {
        if (s == null || s.length() <= ACTUAL_SHOWN_MAX) {
            return s;
        }
        return s.substring(0, ACTUAL_SHOWN_MAX) + "…";
    }

    /** UTF-8, with U+FFFD for invalid bytes (the program may print anything, cut mid-character at the cap). */
    static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
