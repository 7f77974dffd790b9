package dev.learnflow.contracts.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A person as other services see them. Carries no credentials: password hashes and refresh tokens never leave
 * the gateway, so this type can be returned from any endpoint without scrubbing.
 *
 * @param timezone  IANA zone id; streak days close at the user's local midnight
 * @param teacherId the teacher who receives this student's alerts; null for teachers, admins, unassigned students
 */
@Schema(description = "A LearnFlow user (no credentials)")
public record User(
        UUID id,
        @Schema(example = "ada@example.org") String email,
        @Schema(example = "Ada") String displayName,
        Role role,
        @Schema(example = "Europe/Berlin") String timezone,
        UUID teacherId,
        Instant createdAt) {
}
