package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How hard a topic, exercise or quiz is; exercise generation and hint wording adapt to it. */
@Schema(description = "Difficulty")
public enum Difficulty implements WireValue {
    BEGINNER("beginner"),
    INTERMEDIATE("intermediate"),
    ADVANCED("advanced");

    private final String value;

    Difficulty(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static Difficulty fromString(String value) {
        return WireValue.parse(Difficulty.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
