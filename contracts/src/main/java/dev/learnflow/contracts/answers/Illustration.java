package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The runnable example of an explanation, traced step by step, and its diagram (unwrapped into the answer's data).
 *
 * @param trace            the tracer's output for the example; null when it could not run
 * @param traceUnavailable why there is no trace, when the example could not be traced
 * @param diagram          the diagram style, {@code none} when there is no diagram
 * @param mermaid          the diagram as Mermaid source; null when none
 */
@Schema(description = "An explanation's example, its trace and its diagram")
public record Illustration(
        @JsonProperty(required = true) @Schema(description = "Runnable Python example") String example,
        @JsonProperty(required = true) @Schema(description = "The tracer's steps through the example")
        ExampleTrace trace,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Why the example could not be traced")
        String traceUnavailable,
        @NotNull @Schema(description = "Diagram style; none when there is no diagram") String diagram,
        @JsonProperty(required = true) @Schema(description = "The diagram as Mermaid source") String mermaid) {
}
