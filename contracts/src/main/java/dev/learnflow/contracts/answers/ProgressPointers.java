package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * Data of a {@code progress} answer: the student's context as triage saw it and where the full picture is.
 *
 * @param links   API paths by name ({@code progress}, {@code streak}, {@code activity})
 * @param mastery topic id to probability the student knows it (0..1)
 */
@Schema(description = "The student's progress in brief, and where the full picture is")
public record ProgressPointers(
        @NotNull Map<String, String> links,
        @JsonProperty(required = true) String currentTopicId,
        @NotNull Map<String, Double> mastery,
        @JsonUnwrapped Provenance provenance) implements TriageReply {

    public ProgressPointers {
        links = Immutables.map(links);
        mastery = Immutables.map(mastery);
    }

    @Override
    public ProgressPointers withProvenance(Provenance provenance) {
        return new ProgressPointers(links, currentTopicId, mastery, provenance);
    }
}
