package dev.learnflow.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who said a turn in a conversation. */
@Schema(description = "Who said a conversation turn")
public enum Speaker implements WireValue {
    STUDENT("student"),
    TUTOR("tutor");

    private final String value;

    Speaker(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static Speaker fromString(String value) {
        return WireValue.parse(Speaker.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
