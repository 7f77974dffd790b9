package dev.learnflow.contracts.api;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a teacher does to an alert; the notification service maps it to the next status. */
@Schema(description = "Teacher action on an alert")
public enum AlertAction implements WireValue {
    ACKNOWLEDGE("acknowledge"),
    RESOLVE("resolve"),
    MUTE("mute"),
    REOPEN("reopen");

    private final String value;

    AlertAction(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static AlertAction fromString(String value) {
        return WireValue.parse(AlertAction.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
