package dev.learnflow.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * xAPI-style verb for what the student did. Progress updates mastery from {@code passed}/{@code failed}/
 * {@code answered} and treats the rest as activity for streaks and struggle detection.
 */
@Schema(description = "What the student did")
public enum Verb implements WireValue {
    ASKED("asked"),
    RAN("ran"),
    SUBMITTED("submitted"),
    ATTEMPTED("attempted"),
    PASSED("passed"),
    FAILED("failed"),
    ANSWERED("answered"),
    REVIEWED("reviewed"),
    REQUESTED_HINT("requested_hint"),
    VIEWED("viewed"),
    COMPLETED("completed");

    private final String value;

    Verb(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static Verb fromString(String value) {
        return WireValue.parse(Verb.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
