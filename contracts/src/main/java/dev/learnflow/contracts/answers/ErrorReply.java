package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Data of an {@code error} answer: why the request could not be answered.
 *
 * @param reason   e.g. {@code unsupported_language}
 * @param language the language that was not supported, for that reason
 */
@Schema(description = "Why the request could not be answered")
public record ErrorReply(@NotNull String reason, @JsonInclude(JsonInclude.Include.NON_NULL) String language)
        implements AnswerData {
}
