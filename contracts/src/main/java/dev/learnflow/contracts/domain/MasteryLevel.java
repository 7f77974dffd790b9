package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Coarse band over the BKT probability {@code pKnown}, shown to students and teachers instead of a raw number. The
 * bands live here so every service draws the same lines.
 */
@Schema(description = "Mastery band derived from pKnown")
public enum MasteryLevel implements WireValue {
    NOVICE("novice"),
    DEVELOPING("developing"),
    PROFICIENT("proficient"),
    MASTERED("mastered");

    private final String value;

    MasteryLevel(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static MasteryLevel fromString(String value) {
        return WireValue.parse(MasteryLevel.class, value);
    }

    /** Lower bounds of the bands; 0.95 is the usual BKT "mastered" threshold. */
    public static final double DEVELOPING_FROM = 0.40;
    public static final double PROFICIENT_FROM = 0.70;
    public static final double MASTERED_FROM = 0.95;

    /** The band a probability of knowing the skill falls into. */
    public static MasteryLevel of(double pKnown) {
        if (Double.isNaN(pKnown) || pKnown < 0.0 || pKnown > 1.0) {
            throw new IllegalArgumentException("pKnown must be within 0..1: " + pKnown);
        }
        if (pKnown >= MASTERED_FROM) {
            return MASTERED;
        }
        if (pKnown >= PROFICIENT_FROM) {
            return PROFICIENT;
        }
        return pKnown >= DEVELOPING_FROM ? DEVELOPING : NOVICE;
    }

    @Override
    public String toString() {
        return value;
    }
}
