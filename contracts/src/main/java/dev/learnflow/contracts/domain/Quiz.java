package dev.learnflow.contracts.domain;

import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A multiple-choice question as shown before answering. Neither the correct option nor the explanation is here
 * (an explanation usually gives the answer away); both live in {@link QuizAnswerKey} and come back in the result
 * of answering.
 */
@Schema(description = "A multiple-choice quiz question (without its answer)")
public record Quiz(
        UUID id,
        @Schema(example = "lists") String topicId,
        String question,
        @Schema(description = "Answer options; answers refer to them by zero-based index") List<String> options,
        Difficulty difficulty) {

    public Quiz {
        options = Immutables.list(options);
    }
}
