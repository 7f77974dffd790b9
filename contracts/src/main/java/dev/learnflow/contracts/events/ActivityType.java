package dev.learnflow.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Kind of thing a progress event is about (the xAPI object's type). */
@Schema(description = "Kind of activity object")
public enum ActivityType implements WireValue {
    QUESTION("question"),
    CODE("code"),
    EXERCISE("exercise"),
    QUIZ("quiz"),
    TOPIC("topic"),
    REVIEW("review"),
    HINT("hint"),
    CONCEPT("concept");

    private final String value;

    ActivityType(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static ActivityType fromString(String value) {
        return WireValue.parse(ActivityType.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
