package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Run a Python program in the sandbox.
 *
 * @param timeoutMs wall-clock limit; null means the service default. Never above 5 s, whoever asks.
 */
@Schema(description = "Run Python code in the sandbox")
public record RunCodeRequest(
        @NotBlank @Size(max = Limits.CODE_MAX) @Schema(example = "print(sum(range(10)))") String code,
        @Size(max = Limits.STDIN_MAX) String stdin,
        @Min(Limits.RUN_TIMEOUT_MIN_MS) @Max(Limits.RUN_TIMEOUT_MAX_MS) Integer timeoutMs) {
}
