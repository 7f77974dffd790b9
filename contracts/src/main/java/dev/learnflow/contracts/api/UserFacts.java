package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * Internal: what other services may know about an account, from the gateway that owns the accounts
 * ({@code GET /internal/users/{id}}). No e-mail, no credentials.
 *
 * @param timezone  IANA zone id; streak days close at the user's local midnight
 * @param teacherId the student's class teacher; null for teachers, admins and students without a class
 */
@Schema(description = "Internal: an account's name, role, class and time zone")
public record UserFacts(UUID id, Role role, String displayName, String timezone, UUID teacherId) {
}
