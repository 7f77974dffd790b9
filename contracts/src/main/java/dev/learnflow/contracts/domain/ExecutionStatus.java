package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a sandboxed run ended. Distinguishes the student's fault (runtime error, limits) from ours
 * ({@code sandbox_error}) so the UI and the struggle detector can tell them apart.
 */
@Schema(description = "How a sandboxed run ended")
public enum ExecutionStatus implements WireValue {
    OK("ok"),
    RUNTIME_ERROR("runtime_error"),
    TIMEOUT("timeout"),
    MEMORY_LIMIT("memory_limit"),
    OUTPUT_LIMIT("output_limit"),
    KILLED("killed"),
    SANDBOX_ERROR("sandbox_error");

    private final String value;

    ExecutionStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static ExecutionStatus fromString(String value) {
        return WireValue.parse(ExecutionStatus.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
