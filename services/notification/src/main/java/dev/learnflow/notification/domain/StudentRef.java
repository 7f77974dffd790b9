package dev.learnflow.notification.domain;

import java.util.UUID;

/** A student as the alert needs them: the teacher comes from class membership (users.teacher_id). */
public record StudentRef(UUID id, UUID teacherId) {
}
