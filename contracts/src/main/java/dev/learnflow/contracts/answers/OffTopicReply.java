package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Data of an {@code off_topic} answer: a polite decline and what the tutor can help with.
 *
 * @param reason      {@code greeting}, {@code thanks}, {@code other_language} or {@code other_subject}
 * @param language    the language the message was written in, when it was not English
 * @param canHelpWith the intents the tutor answers
 */
@Schema(description = "A polite decline, and what the tutor can help with")
public record OffTopicReply(
        @NotNull String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String language,
        @NotNull List<String> canHelpWith,
        @JsonUnwrapped Provenance provenance) implements TriageReply {

    public OffTopicReply {
        canHelpWith = Immutables.list(canHelpWith);
    }

    @Override
    public OffTopicReply withProvenance(Provenance provenance) {
        return new OffTopicReply(reason, language, canHelpWith, provenance);
    }
}
