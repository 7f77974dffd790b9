package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.Role;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import dev.learnflow.contracts.validation.TimeZoneId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * Self-service sign-up. {@code role} is a string checked by a pattern rather than a {@link Role} so that
 * {@code "admin"} or a typo comes back as a field-level violation instead of a JSON parse error.
 *
 * @param teacherId optional: the teacher whose class a student joins (their alerts go to that teacher)
 */
@Schema(description = "Create an account")
public record RegisterRequest(
        @NotBlank @Email @Size(max = Limits.EMAIL_MAX)
        @Schema(example = "ada@example.org") String email,

        @NotNull @Size(min = Limits.PASSWORD_MIN, max = Limits.PASSWORD_MAX)
        @Schema(format = "password", minLength = Limits.PASSWORD_MIN, maxLength = Limits.PASSWORD_MAX) String password,

        @NotBlank @Size(max = Limits.DISPLAY_NAME_MAX)
        @Schema(example = "Ada") String displayName,

        @Pattern(regexp = Patterns.SELF_SERVICE_ROLE, message = "must be student or teacher")
        @Schema(enumeration = {"student", "teacher"}, defaultValue = "student") String role,

        @NotBlank @Size(max = Limits.TIMEZONE_MAX) @Pattern(regexp = Patterns.TIMEZONE) @TimeZoneId
        @Schema(description = "IANA time zone; streak days follow it", example = "Europe/Berlin") String timezone,

        UUID teacherId) {

    /** The requested role, {@link Role#STUDENT} when none was given. Call after validation. */
    public Role roleOrDefault() {
        return role == null ? Role.STUDENT : Role.fromString(role);
    }
}
