package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Alert lifecycle. {@code muted} hides repeats of the same alert for a while without resolving it. */
@Schema(description = "Alert lifecycle status")
public enum AlertStatus implements WireValue {
    OPEN("open"),
    ACKNOWLEDGED("acknowledged"),
    RESOLVED("resolved"),
    MUTED("muted");

    private final String value;

    AlertStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static AlertStatus fromString(String value) {
        return WireValue.parse(AlertStatus.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
