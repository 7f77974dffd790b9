package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A concept explained from a lesson of the knowledge base.
 *
 * @param similarity how close the question was to the lesson (0..1, three decimals)
 * @param basis      {@code knowledge_base}
 * @param kb         the lesson's file in the knowledge base
 * @param reference  the section of Python's documentation named for what the question asks, quoted under the
 *                   lesson (the exact reference for the detail asked); null when no section matches it well
 * @param yourCode   the code the question holds, run step by step; null when it holds none
 */
@Schema(description = "A concept explained from a lesson of the knowledge base")
public record ConceptLesson(
        @NotNull String topicId,
        @JsonProperty(required = true) String curriculumTopicId,
        @NotNull String title,
        @NotNull String level,
        @JsonUnwrapped Illustration illustration,
        @Schema(description = "How close the question was to the lesson (0..1)") double similarity,
        @JsonUnwrapped Provenance provenance,
        @NotNull String basis,
        @JsonProperty(required = true) @Schema(description = "The lesson's file in the knowledge base") String kb,
        @JsonProperty(required = true) @Schema(description = "The documentation section quoted under the lesson, "
                + "named for what the question asks; null when none matches it well")
        ConceptDocumentation.Source reference,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The student's own code from the question, "
                + "run step by step; absent when the question had none")
        StudentCodeRun yourCode) implements ConceptData {

    public ConceptLesson(String topicId, String curriculumTopicId, String title, String level,
                         Illustration illustration, double similarity, Provenance provenance, String basis,
                         String kb) {
        this(topicId, curriculumTopicId, title, level, illustration, similarity, provenance, basis, kb, null, null);
    }
}
