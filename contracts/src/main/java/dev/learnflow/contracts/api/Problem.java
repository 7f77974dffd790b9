package dev.learnflow.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * RFC 7807 problem details, the body of every error response ({@code application/problem+json}), extended with
 * field-level {@code errors} for validation failures.
 *
 * @param type     URI identifying the problem type, e.g. {@code https://learnflow.dev/problems/validation}
 * @param instance URI of this occurrence, typically the request path
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "RFC 7807 problem details")
public record Problem(
        @Schema(example = "https://learnflow.dev/problems/validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = Immutables.list(errors);
    }

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(type, title, status, detail, null, List.of());
    }

    /**
     * One rejected field.
     *
     * @param field property path as the client sent it, e.g. {@code code} or {@code tests[2].name}
     */
    @Schema(description = "A field-level validation error")
    public record FieldError(
            @Schema(example = "question") String field,
            @Schema(example = "must not be blank") String message) {
    }
}
