package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * No explanation given: the question matched no lesson or passage well enough; the student may pick a topic.
 *
 * @param domain      the other subject the question seemed to be about, when it was one
 * @param suggestions the topic ids of {@code choices}
 * @param yourCode    the code the question holds, run step by step, when nothing explains it; null otherwise
 */
@Schema(description = "No explanation given; topics the student may pick instead")
public record ConceptAbstention(
        @JsonProperty(required = true) String topicId,
        @JsonProperty(required = true) String curriculumTopicId,
        @Schema(description = "Always true") boolean abstained,
        @NotNull String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String domain,
        @NotNull List<TopicChoice> choices,
        @NotNull List<String> suggestions,
        @JsonUnwrapped Provenance provenance,
        @NotNull String basis,
        @NotNull String level,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The student's own code from the question, "
                + "run step by step, when no explanation fits it; absent when the question had none")
        StudentCodeRun yourCode) implements ConceptData {

    public ConceptAbstention {
        choices = Immutables.list(choices);
        suggestions = Immutables.list(suggestions);
    }

    public ConceptAbstention(String reason, String domain, List<TopicChoice> choices, String basis, String level) {
        this(reason, domain, choices, basis, level, null);
    }

    public ConceptAbstention(String reason, String domain, List<TopicChoice> choices, String basis, String level,
                             StudentCodeRun yourCode) {
        this(null, null, true, reason, domain, choices, choices.stream().map(TopicChoice::topicId).toList(),
                Provenance.offline(), basis, level, yourCode);
    }

    @Schema(description = "A topic the student may pick")
    public record TopicChoice(@NotNull String topicId, @NotNull String title) {
    }
}
