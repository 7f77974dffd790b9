package dev.learnflow.exercise.service;

import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.domain.TestCaseResult;
import dev.learnflow.contracts.domain.TestVisibility;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the student may see of one test result. Shown tests: everything. Hidden tests: name, pass/fail, how it
 * ended and at most the exception type, never inputs, expected or actual values (an exception message or a
 * printed value can quote the hidden input). Hidden-unless-failing tests: like hidden while they pass, fully
 * revealed once they fail.
 */
public final class ResultMasking {

    private static final Pattern EXCEPTION_TYPE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*)(?::| \\(|$)");

    private ResultMasking() {
    }

    public static TestCaseResult forStudent(TestCaseResult r) {
        TestVisibility visibility = r.visibility() == null ? TestVisibility.HIDDEN : r.visibility();
        boolean reveal = visibility == TestVisibility.SHOWN
                || (visibility == TestVisibility.HIDDEN_UNLESS_FAILING && !r.passed());
        if (reveal) {
            return r;
        }
        return new TestCaseResult(r.name(), visibility, r.passed(), r.status(), null, null,
                r.passed() ? null : hiddenMessage(r), r.wallTimeMs());
    }

    /** The Python exception type of a failed test, e.g. {@code ZeroDivisionError}. */
    public static Optional<String> errorType(TestCaseResult r) {
        if (r.passed() || r.message() == null
                || (r.status() != ExecutionStatus.RUNTIME_ERROR && r.status() != ExecutionStatus.OUTPUT_LIMIT)) {
            return Optional.empty();
        }
        Matcher m = EXCEPTION_TYPE.matcher(r.message());
        if (!m.find()) {
            return Optional.empty();
        }
        String type = m.group(1);
        int dot = type.lastIndexOf('.');
        return Optional.of(dot >= 0 ? type.substring(dot + 1) : type);
    }

    static String hiddenMessage(TestCaseResult r) {
        ExecutionStatus status = r.status() == null ? ExecutionStatus.OK : r.status();
        return switch (status) {
            case OK -> "hidden test: your result was not the expected one";
            case RUNTIME_ERROR -> "hidden test: the code raised " + errorType(r).orElse("an error");
            case TIMEOUT -> "hidden test: the code ran out of time";
            case MEMORY_LIMIT -> "hidden test: the code ran out of memory";
            case OUTPUT_LIMIT -> "hidden test: the code printed too much output";
            case KILLED -> "hidden test: the code was stopped";
            case SANDBOX_ERROR -> "hidden test: could not be run";
        };
    }
}
