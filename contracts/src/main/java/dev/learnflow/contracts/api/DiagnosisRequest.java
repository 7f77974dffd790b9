package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.TestCase;
import dev.learnflow.contracts.json.Immutables;
import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Service-to-service (exercise → debug): diagnose a program against test cases, hidden ones included, and give the
 * hints up to {@code hintLevel}. Answered with a {@link ProgramFeedback}. Not exposed by the gateway.
 *
 * @param tests the exercise's tests as code-execution runs them; {@code hidden} ones are used but never shown,
 *              {@code hidden_unless_failing} ones are shown only when they fail
 */
@Schema(description = "Internal: diagnose code against test cases")
public record DiagnosisRequest(
        @NotBlank @Size(max = Limits.CODE_MAX) String code,
        @NotEmpty @Size(max = Limits.TESTS_MAX) List<@Valid @NotNull TestCase> tests,
        @Min(Limits.HINT_LEVEL_MIN) @Max(Limits.HINT_LEVEL_MAX) Integer hintLevel) {

    public DiagnosisRequest {
        tests = tests == null ? null : Immutables.list(tests);
    }

    public int hintLevelOrDefault() {
        return hintLevel == null ? Limits.HINT_LEVEL_MIN : hintLevel;
    }
}
