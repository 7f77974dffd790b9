package dev.learnflow.contracts.api;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** State of an asynchronous question: the answer arrives later on learning.responses. */
@Schema(description = "State of an asynchronous question")
public enum QueryStatus implements WireValue {
    PENDING("pending"),
    ANSWERED("answered"),
    FAILED("failed");

    private final String value;

    QueryStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static QueryStatus fromString(String value) {
        return WireValue.parse(QueryStatus.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
