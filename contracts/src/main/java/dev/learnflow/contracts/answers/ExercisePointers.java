package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * Data of an {@code exercise} answer: where to find or generate exercises.
 *
 * @param topicId the topic recognised in the request; absent when none was
 * @param links   API paths by name ({@code exercises}, {@code generate}, {@code quizzes} or {@code modules})
 */
@Schema(description = "Where to find or generate exercises")
public record ExercisePointers(
        @JsonInclude(JsonInclude.Include.NON_NULL) String topicId,
        @NotNull Map<String, String> links,
        @JsonUnwrapped Provenance provenance) implements TriageReply {

    public ExercisePointers {
        links = Immutables.map(links);
    }

    @Override
    public ExercisePointers withProvenance(Provenance provenance) {
        return new ExercisePointers(topicId, links, provenance);
    }
}
