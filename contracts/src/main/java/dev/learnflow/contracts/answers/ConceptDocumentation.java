package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A concept explained from a passage of the Python documentation (no course topic: {@code topicId} and
 * {@code curriculumTopicId} are null).
 *
 * @param yourCode the code the question holds, run step by step; null when it holds none
 */
@Schema(description = "A concept explained from a passage of the Python documentation")
public record ConceptDocumentation(
        @JsonProperty(required = true) String topicId,
        @JsonProperty(required = true) String curriculumTopicId,
        @NotNull String title,
        @NotNull String level,
        @NotNull String passageId,
        @NotNull String citation,
        @NotNull Source documentation,
        @JsonUnwrapped Illustration illustration,
        double similarity,
        @JsonUnwrapped Provenance provenance,
        @NotNull String basis,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The student's own code from the question, "
                + "run step by step; absent when the question had none")
        StudentCodeRun yourCode) implements ConceptData {

    public ConceptDocumentation(String title, String level, String passageId, String citation, Source documentation,
                                Illustration illustration, double similarity, Provenance provenance, String basis) {
        this(null, null, title, level, passageId, citation, documentation, illustration, similarity, provenance,
                basis, null);
    }

    /** Where the passage comes from, and its licence. */
    @Schema(description = "The documentation page and section quoted, and its licence")
    public record Source(@NotNull String source, @NotNull String section, @NotNull String doc,
                         @NotNull String license) {
    }
}
