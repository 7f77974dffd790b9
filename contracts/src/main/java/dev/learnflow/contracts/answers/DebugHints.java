package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.learnflow.contracts.api.ProgramFeedback;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Hints on a program: on an error it raised ({@code error}, {@code explanation}), on a wrong result
 * ({@code diagnosis}), or on both when a stated case crashed. When every stated case passed there are no hints, and
 * the counting fields are absent.
 *
 * @param hints             levels 1..{@code hintLevel}; never a corrected program
 * @param solutionWithheld  the student asked for the solution and got hints instead
 * @param struggleSignalled this answer raised a struggle signal for the teacher
 */
@Schema(description = "Hints on a program's error or wrong result")
public record DebugHints(
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The error the program raised")
        ErrorDetails error,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "What the error means")
        String explanation,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Why the program gives the wrong result")
        Diagnosis diagnosis,
        @NotNull List<ProgramFeedback.Hint> hints,
        int hintLevel,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxHintLevel,
        @JsonInclude(JsonInclude.Include.NON_NULL) Occurrences occurrences,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean struggleSignalled,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean solutionWithheld,
        @Schema(description = "Whether the sandbox ran the program") boolean ranInSandbox,
        @JsonUnwrapped Provenance provenance) implements DebugData {

    public static final int MAX_HINT_LEVEL = 3;

    public DebugHints {
        hints = Immutables.list(hints);
    }

    /** Nothing to hint: every case passed. */
    public static DebugHints allPassed(Diagnosis diagnosis, int hintLevel, Provenance provenance) {
        return new DebugHints(null, null, diagnosis, List.of(), hintLevel, null, null, null, null, true, provenance);
    }

    /** The same hints with the diagnosis of the run that crashed. */
    public DebugHints withDiagnosis(Diagnosis found) {
        return new DebugHints(error, explanation, found, hints, hintLevel, maxHintLevel, occurrences,
                struggleSignalled, solutionWithheld, ranInSandbox, provenance);
    }

    /** A Python error, as parsed from the traceback. */
    @Schema(description = "A Python error, as parsed from its traceback")
    public record ErrorDetails(
            @NotNull String type,
            @JsonProperty(required = true) String message,
            @JsonProperty(required = true) Integer line,
            @JsonProperty(required = true) Integer column,
            @JsonProperty(required = true) String codeLine,
            boolean syntaxError,
            @NotNull List<Frame> frames) {

        public ErrorDetails {
            frames = Immutables.list(frames);
        }
    }

    /** One frame of the traceback. */
    @Schema(description = "One frame of a traceback")
    public record Frame(@JsonProperty(required = true) String file, int line,
                        @JsonProperty(required = true) String function, @JsonProperty(required = true) String code) {
    }

    /** How often the student met this error type (or logic-bug category) in the window. */
    @Schema(description = "How often the student met this error or bug this week")
    public record Occurrences(@NotNull String errorType, long thisWeek, long windowDays) {
    }
}
