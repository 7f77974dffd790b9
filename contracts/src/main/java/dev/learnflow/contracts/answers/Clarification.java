package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Data of a {@code clarification} answer: a question back. Either the two lanes the question could be meant for
 * ({@code candidates}, {@code confidence}), or what the tutor needs first ({@code needs}: {@code topic},
 * {@code code}, {@code code_or_error}; for a review also the {@code checks} it will make).
 */
@Schema(description = "A question back to the student")
public record Clarification(
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The two intents the question fits")
        List<String> candidates,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The classifier's confidence (0..1)")
        Double confidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "topic, code or code_or_error")
        String needs,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "What a review checks")
        List<String> checks,
        @JsonUnwrapped Provenance provenance) implements TriageReply {

    /** Which of two lanes the question is meant for. */
    public static Clarification between(List<String> candidates, double confidence, Provenance provenance) {
        return new Clarification(candidates, confidence, null, null, provenance);
    }

    /** What the tutor needs before it can answer. */
    public static Clarification needs(String needs, List<String> checks, Provenance provenance) {
        return new Clarification(null, null, needs, checks, provenance);
    }

    @Override
    public Clarification withProvenance(Provenance provenance) {
        return new Clarification(candidates, confidence, needs, checks, provenance);
    }
}
