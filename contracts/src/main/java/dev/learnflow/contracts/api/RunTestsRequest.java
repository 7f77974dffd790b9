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
 * Service-to-service (exercise → code-execution): run a solution against test cases, hidden ones included.
 * Not exposed by the gateway.
 */
@Schema(description = "Internal: run code against test cases")
public record RunTestsRequest(
        @NotBlank @Size(max = Limits.CODE_MAX) String code,
        @NotEmpty @Size(max = Limits.TESTS_MAX) List<@Valid @NotNull TestCase> tests,
        @Min(Limits.RUN_TIMEOUT_MIN_MS) @Max(Limits.RUN_TIMEOUT_MAX_MS) Integer timeLimitMs,
        @Min(Limits.MEMORY_MIN_MB) @Max(Limits.MEMORY_MAX_MB) Integer memoryLimitMb) {

    public RunTestsRequest {
        tests = tests == null ? null : Immutables.list(tests);
    }
}
