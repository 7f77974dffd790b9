package dev.learnflow.contracts.api;

import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * Internal: the students whose class teacher is {@code teacherId}, by name then id
 * ({@code GET /internal/users/{teacherId}/students}, from the gateway).
 */
@Schema(description = "Internal: a teacher's class")
public record ClassRoster(UUID teacherId, List<UserFacts> students) {

    public ClassRoster {
        students = Immutables.list(students);
    }
}
