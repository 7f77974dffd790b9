package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How much of a test case the student sees. {@code hidden_unless_failing} reveals a hidden test only once it fails,
 * so students learn from the failure without being able to code to the test.
 */
@Schema(description = "What the student sees of a test case")
public enum TestVisibility implements WireValue {
    SHOWN("shown"),
    HIDDEN("hidden"),
    HIDDEN_UNLESS_FAILING("hidden_unless_failing");

    private final String value;

    TestVisibility(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static TestVisibility fromString(String value) {
        return WireValue.parse(TestVisibility.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
