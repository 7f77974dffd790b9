package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Why a program gives the wrong result ({@code data.diagnosis} of a debug answer, and {@code diagnosis} of an
 * exercise's feedback): the cases run, the failing one, suspicious lines, findings, the failing call's trace and a
 * loop that never ends. A hidden test never shows its input, expected or actual value, nor its trace.
 *
 * @param kind     {@code wrong_result}, {@code crash}, {@code timeout} or {@code all_passed}
 * @param category the main finding's category; null when none
 * @param loop     present only when a loop never ended
 */
@Schema(description = "Why a program gives the wrong result")
public record Diagnosis(
        @NotNull String kind,
        @JsonProperty(required = true) FailingCase failingCase,
        @NotNull List<Case> cases,
        @NotNull List<SuspiciousLine> suspiciousLines,
        @JsonProperty(required = true) String category,
        @NotNull List<Finding> findings,
        @JsonProperty(required = true) Trace trace,
        @JsonInclude(JsonInclude.Include.NON_NULL) Loop loop) {

    public Diagnosis {
        cases = Immutables.list(cases);
        suspiciousLines = Immutables.list(suspiciousLines);
        findings = Immutables.list(findings);
    }

    /** The first failing case; a hidden test's values are null and its category is given instead. */
    @Schema(description = "The first failing case")
    public record FailingCase(
            @JsonProperty(required = true) String call,
            @JsonProperty(required = true) String stdin,
            @JsonProperty(required = true) String expected,
            @JsonProperty(required = true) String actual,
            @JsonProperty(required = true) String error,
            boolean hidden,
            @JsonProperty(required = true) String source,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only for a hidden test")
            String category) {
    }

    /** One case run; {@code call} is the call or, for a program reading input, its stdin. */
    @Schema(description = "One case run")
    public record Case(
            @JsonProperty(required = true) String call,
            @JsonProperty(required = true) String expected,
            @JsonProperty(required = true) String actual,
            boolean passed,
            boolean hidden,
            @JsonProperty(required = true) String source) {
    }

    @Schema(description = "A line that likely holds the mistake")
    public record SuspiciousLine(int line, double score, @NotNull String reason) {
    }

    @Schema(description = "A bug pattern found, confirmed when repairing it fixed the failing case")
    public record Finding(@NotNull String category, int line, boolean confirmed, @NotNull String message) {
    }

    /** The failing call, line by line. */
    @Schema(description = "The failing call, line by line")
    public record Trace(@JsonProperty(required = true) String call, @NotNull List<Step> steps, boolean truncated) {
        public Trace {
            steps = Immutables.list(steps);
        }
    }

    /** One recorded line: the locals that changed since the frame's previous step. */
    @Schema(description = "One recorded line of the trace")
    public record Step(int line, int depth, @NotNull Map<String, String> locals,
                       @JsonProperty(required = true) String returned, @NotNull String event) {
        public Step {
            locals = Immutables.map(locals);
        }
    }

    /** A loop that never ends: its lines and the variables it never changes. */
    @Schema(description = "A loop that never ends")
    public record Loop(@NotNull List<Integer> lines, @NotNull List<String> unchanged) {
    }
}
