package dev.learnflow.progress.service;

import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.contracts.domain.Role;
import dev.learnflow.platform.auth.CallerIdentity;
import dev.learnflow.platform.auth.Roles;
import dev.learnflow.platform.clients.UserDirectoryClient;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.progress.config.ProgressConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may read what, checked on every route (the gateway checks too; this service does not rely on it): a
 * student their own data, a teacher the students of their class, an admin everyone; the apps configured as
 * context readers a student's context and errors.
 */
@ApplicationScoped
public class StudentAccess {

    private final CallerIdentity caller;
    private final UserDirectoryClient users;
    private final Set<String> contextReaders;

    @Inject
    public StudentAccess(CallerIdentity caller, UserDirectoryClient users, ProgressConfig config) {
        this.caller = caller;
        this.users = users;
        this.contextReaders = Set.copyOf(config.access().contextReaders());
    }

    /**
     * The student's id, when the caller may read their progress; 401, 403 or 404 otherwise. A student reading
     * their own data needs no account lookup: the gateway vouched for who they are, and a student may always read
     * their own progress. Everyone else is checked against the account (who their teacher is, whether it exists).
     */
    public UUID requireReader(UUID studentId) {
        UUID me = caller.requireUser();
        if (me.equals(studentId)) {
            return studentId;
        }
        return readableStudent(studentId).id();
    }

    /** The student's account, when the caller may read their progress; 401, 403 or 404 otherwise. */
    public UserFacts readableStudent(UUID studentId) {
        UUID me = caller.requireUser();
        if (me.equals(studentId) || caller.hasRole(Roles.ADMIN)) {
            return users.user(studentId).orElseThrow(() -> ApiException.notFound("Student " + studentId));
        }
        if (caller.hasRole(Roles.TEACHER)) {
            Optional<UserFacts> student = users.user(studentId);
            // Unknown and foreign students look the same to a teacher: no probing for ids.
            if (student.isPresent() && me.equals(student.get().teacherId())) {
                return student.get();
            }
            throw ApiException.forbidden("You can only access the students in your class");
        }
        throw ApiException.forbidden("You can only access your own data");
    }

    /** Like {@link #requireReader}, but also lets the configured apps (triage, exercise, debug) in. */
    public UUID requireContextReader(UUID studentId, String callerAppId) {
        if (callerAppId != null && contextReaders.contains(callerAppId)) {
            return users.user(studentId).orElseThrow(() -> ApiException.notFound("Student " + studentId)).id();
        }
        return requireReader(studentId);
    }

    /** The teacher themself or an admin. */
    public UserFacts requireClassOwner(UUID teacherId) {
        UUID me = caller.requireUser();
        boolean admin = caller.hasRole(Roles.ADMIN);
        if (!admin && !(caller.hasRole(Roles.TEACHER) && me.equals(teacherId))) {
            throw ApiException.forbidden("Only the teacher of a class (or an admin) can see it");
        }
        UserFacts teacher = users.user(teacherId)
                .orElseThrow(() -> ApiException.notFound("Teacher " + teacherId));
        if (admin && teacher.role() != Role.TEACHER && teacher.role() != Role.ADMIN) {
            throw ApiException.notFound("Teacher " + teacherId);
        }
        return teacher;
    }
}
