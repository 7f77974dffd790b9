package dev.learnflow.gateway.service;

import dev.learnflow.contracts.domain.Role;
import dev.learnflow.gateway.client.UserRepository;
import dev.learnflow.gateway.domain.Caller;
import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Who may see whose data: students themselves, their own teacher, and admins. */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    UserRepository users;

    /** Passes when the caller may read {@code studentId}'s data; otherwise 403. */
    public void requireAccessToStudent(Caller caller, UUID studentId) {
        UUID callerId = caller.id();
        if (callerId.equals(studentId) || caller.is(Role.ADMIN)) {
            return;
        }
        if (caller.is(Role.TEACHER) && users.isTeacherOf(callerId, studentId)) {
            return;
        }
        throw ApiException.forbidden("You can only access your own data"
                + (caller.is(Role.TEACHER) ? " and that of students in your class" : ""));
    }
}
