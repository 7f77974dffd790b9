package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Password login. No minimum length here: a wrong password is a 401, not a validation error that hints at rules. */
@Schema(description = "Log in with email and password")
public record LoginRequest(
        @NotBlank @Size(max = Limits.EMAIL_MAX) @Schema(example = "ada@example.org") String email,
        @NotBlank @Size(max = Limits.PASSWORD_MAX) @Schema(format = "password") String password) {
}
