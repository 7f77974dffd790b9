package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The student's own code from the question ("what is the output of print(2 ** 3 ** 2)", "why does this loop
 * print 3 times: ..."), run step by step in the sandbox beside the explanation, Python Tutor style.
 *
 * @param code             the code as it was run
 * @param trace            the tracer's output for it; null when it could not run
 * @param traceUnavailable why there is no trace, when it could not be run
 */
@Schema(description = "The student's own code from the question, run step by step in the sandbox")
public record StudentCodeRun(
        @NotNull @Schema(description = "The student's code as it was run") String code,
        @JsonProperty(required = true) @Schema(description = "The tracer's steps through the student's code")
        ExampleTrace trace,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Why the code could not be run")
        String traceUnavailable) {
}
