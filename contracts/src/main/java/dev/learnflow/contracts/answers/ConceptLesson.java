package dev.learnflow.contracts.answers;

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
        @JsonProperty(required = true) @Schema(description = "The lesson's file in the knowledge base") String kb)
        implements ConceptData {
}
