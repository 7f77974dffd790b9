package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Outcome of one test case. For a hidden test the grader nulls {@code expected} and {@code actual} (and for
 * {@code hidden_unless_failing} it does so only while the test passes), so results can be returned as they are.
 *
 * @param message short human explanation, e.g. "expected 5, got 6" or the exception line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Outcome of one test case")
public record TestCaseResult(
        String name,
        TestVisibility visibility,
        boolean passed,
        ExecutionStatus status,
        String expected,
        String actual,
        String message,
        long wallTimeMs) {
}
