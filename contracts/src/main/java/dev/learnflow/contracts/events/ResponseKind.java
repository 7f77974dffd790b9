package dev.learnflow.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an answer on learning.responses is, so clients can render it (a review has findings, a debug answer has
 * hints, ...).
 */
@Schema(description = "What kind of answer this is")
public enum ResponseKind implements WireValue {
    CONCEPT("concept"),
    DEBUG("debug"),
    REVIEW("review"),
    EXERCISE("exercise"),
    CLARIFICATION("clarification"),
    PROGRESS("progress"),
    OFF_TOPIC("off_topic"),
    ERROR("error");

    private final String value;

    ResponseKind(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static ResponseKind fromString(String value) {
        return WireValue.parse(ResponseKind.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
