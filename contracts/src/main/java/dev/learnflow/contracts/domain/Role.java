package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who a user is; decides which API routes and which students' data they may reach. */
@Schema(description = "Account role")
public enum Role implements WireValue {
    STUDENT("student"),
    TEACHER("teacher"),
    ADMIN("admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static Role fromString(String value) {
        return WireValue.parse(Role.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
