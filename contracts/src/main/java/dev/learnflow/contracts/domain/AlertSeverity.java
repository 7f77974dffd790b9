package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How urgently a teacher should look at an alert; also ranks struggle signals. */
@Schema(description = "Alert severity")
public enum AlertSeverity implements WireValue {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    CRITICAL("critical");

    private final String value;

    AlertSeverity(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static AlertSeverity fromString(String value) {
        return WireValue.parse(AlertSeverity.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
