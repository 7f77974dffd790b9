package dev.learnflow.codereview.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How much a finding matters; lower-case on the wire like every LearnFlow enum. */
public enum Severity {
    ERROR(15),
    WARNING(6),
    INFO(2);

    private final int penalty;

    Severity(int penalty) {
        this.penalty = penalty;
    }

    /** Points one occurrence takes off the 100-point score. */
    public int penalty() {
        return penalty;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromString(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
