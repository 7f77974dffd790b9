package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a student was flagged as struggling; the evidence map carries the numbers behind it. */
@Schema(description = "Why a student was flagged")
public enum StruggleReason implements WireValue {
    REPEATED_ERROR("repeated_error"),
    REPEATED_FAILURE("repeated_failure"),
    MASTERY_DROP("mastery_drop"),
    STUCK("stuck");

    private final String value;

    StruggleReason(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static StruggleReason fromString(String value) {
        return WireValue.parse(StruggleReason.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
