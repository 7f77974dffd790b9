package dev.learnflow.gateway.service;

import dev.learnflow.contracts.api.ClassRoster;
import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.gateway.client.UserRepository;
import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Accounts as the other services may see them (progress: time zone, teacher, the class; notification: the
 * student's teacher). The gateway owns the users table, so they ask here instead of reading it. Blocking.
 */
@ApplicationScoped
public class UserDirectory {

    @Inject
    UserRepository users;

    public UserFacts user(UUID id) {
        return users.findById(id).map(UserRepository::facts).orElseThrow(() -> ApiException.notFound("User " + id));
    }

    /** The class of {@code teacherId}; 404 when no such account exists, empty for one without students. */
    public ClassRoster classOf(UUID teacherId) {
        user(teacherId);
        return new ClassRoster(teacherId, users.studentsOf(teacherId));
    }
}
