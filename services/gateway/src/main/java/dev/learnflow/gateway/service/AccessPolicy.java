package dev.learnflow.gateway.service;

import dev.learnflow.contracts.domain.Role;
import dev.learnflow.gateway.client.UserRepository;
import dev.learnflow.gateway.domain.Caller;
import dev.learnflow.platform.errors.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Who may see whose data: students themselves, their own teacher, and admins. */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    UserRepository users;

    /**
     * True when the caller may read {@code studentId}'s data without asking the database: the student themself or
     * an admin. Otherwise {@link #requireAccessToStudent} decides.
     */
    public boolean allowsAtOnce(Caller caller, UUID studentId) {
        return caller.id().equals(studentId) || caller.is(Role.ADMIN);
    }

    /**
     * Completes when the caller may read {@code studentId}'s data, fails with 403 otherwise. Non-blocking: a
     * teacher's class membership is asked of the database without holding the thread.
     */
    public Uni<Void> requireAccessToStudent(Caller caller, UUID studentId) {
        if (allowsAtOnce(caller, studentId)) {
            return Uni.createFrom().voidItem();
        }
        UUID callerId = caller.id();
        boolean teacher = caller.is(Role.TEACHER);
        Uni<Boolean> allowed = teacher ? users.isTeacherOfAsync(callerId, studentId) : Uni.createFrom().item(false);
        return allowed.map(yes -> {
            if (!yes) {
                throw ApiException.forbidden("You can only access your own data"
                        + (teacher ? " and that of students in your class" : ""));
            }
            return null;
        });
    }
}
