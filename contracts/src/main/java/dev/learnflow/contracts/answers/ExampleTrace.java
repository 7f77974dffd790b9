package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What concepts' tracer (Python Tutor style) recorded while running an explanation's example: every line, call
 * return and exception, with the call stack's variables and the output so far.
 *
 * @param error     the exception that ended the example; null when it ran to the end
 * @param truncated true when the tracer stopped recording at its step limit
 */
@Schema(description = "The tracer's steps through an explanation's example")
public record ExampleTrace(@NotNull List<TracedStep> steps, @NotNull String stdout,
                           @JsonProperty(required = true) RaisedError error, boolean truncated) {

    public ExampleTrace {
        steps = Immutables.list(steps);
    }

    /**
     * One recorded event.
     *
     * @param event     {@code line}, {@code return} or {@code exception}
     * @param frames    the call stack, outermost first
     * @param stdout    everything printed up to this step
     * @param returned  what a {@code return} event returned
     * @param exception what an {@code exception} event raised
     */
    @Schema(description = "One step of a traced example")
    public record TracedStep(int step, int line, @NotNull String event, @NotNull String function,
                             @NotNull List<TracedFrame> frames, @NotNull String stdout,
                             @JsonInclude(JsonInclude.Include.NON_NULL) TracedValue returned,
                             @JsonInclude(JsonInclude.Include.NON_NULL) RaisedError exception) {
        public TracedStep {
            frames = Immutables.list(frames);
        }
    }

    /** One frame of the call stack and its variables, in the order Python holds them. */
    @Schema(description = "A frame of the traced call stack")
    public record TracedFrame(@NotNull String function, @NotNull Map<String, TracedValue> variables) {
        public TracedFrame {
            variables = Immutables.map(variables);
        }
    }

    /**
     * A value as the tracer shows it.
     *
     * @param ref the object's identity, so that two names of one object can be drawn as one; absent for plain values
     */
    @Schema(description = "A traced value: its type name and how Python shows it")
    public record TracedValue(@NotNull String type, @NotNull String value,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String ref) {
    }

    /** An exception's type name and message. */
    @Schema(description = "An exception raised while tracing")
    public record RaisedError(@NotNull String type, @NotNull String message) {
    }
}
