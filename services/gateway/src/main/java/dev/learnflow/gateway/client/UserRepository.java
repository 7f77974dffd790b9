package dev.learnflow.gateway.client;

import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.contracts.domain.Role;
import dev.learnflow.contracts.domain.User;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The users table, which the gateway owns (accounts and class membership). Blocking API (call from workers), but for
 * {@link #isTeacherOfAsync}, which the non-blocking routes use.
 */
@ApplicationScoped
public class UserRepository {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(5);
    private static final String COLUMNS =
            "id, email, display_name, role, timezone, teacher_id, created_at, password_hash";

    /** An account with its password hash, which never leaves the gateway. */
    public record Account(User user, String passwordHash) {
    }

    /** Thrown when the e-mail is already registered. */
    public static class DuplicateEmailException extends RuntimeException {
        public DuplicateEmailException() {
            super("email already registered");
        }
    }

    @Inject
    Pool pool;

    public Account insert(String email, String passwordHash, String displayName, Role role, String timezone,
                          UUID teacherId) {
        try {
            Row row = pool.preparedQuery("INSERT INTO users (email, password_hash, display_name, role, timezone, "
                            + "teacher_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
                    .execute(Tuple.of(email, passwordHash, displayName, role.value(), timezone, teacherId))
                    .await().atMost(DB_TIMEOUT)
                    .iterator().next();
            return toAccount(row);
        } catch (PgException e) {
            if ("23505".equals(e.getSqlState())) {
                throw new DuplicateEmailException();
            }
            throw e;
        }
    }

    public Optional<Account> findByEmail(String email) {
        var rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower($1)")
                .execute(Tuple.of(email)).await().atMost(DB_TIMEOUT);
        return rows.size() == 0 ? Optional.empty() : Optional.of(toAccount(rows.iterator().next()));
    }

    public Optional<User> findById(UUID id) {
        var rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(DB_TIMEOUT);
        return rows.size() == 0 ? Optional.empty() : Optional.of(toAccount(rows.iterator().next()).user());
    }

    /** The students whose class teacher is {@code teacherId}, by name then id. */
    public List<UserFacts> studentsOf(UUID teacherId) {
        var rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE teacher_id = $1 AND role = 'student' "
                        + "ORDER BY display_name, id")
                .execute(Tuple.of(teacherId)).await().atMost(DB_TIMEOUT);
        List<UserFacts> students = new ArrayList<>(rows.size());
        rows.forEach(row -> students.add(facts(toAccount(row).user())));
        return students;
    }

    /** What other services may know about an account: no e-mail, no credentials. */
    public static UserFacts facts(User user) {
        return new UserFacts(user.id(), user.role(), user.displayName(), user.timezone(), user.teacherId());
    }

    /** True when {@code studentId} is in {@code teacherId}'s class; non-blocking (the only such method here). */
    public Uni<Boolean> isTeacherOfAsync(UUID teacherId, UUID studentId) {
        return pool.preparedQuery("SELECT 1 FROM users WHERE id = $1 AND teacher_id = $2")
                .execute(Tuple.of(studentId, teacherId)).ifNoItem().after(DB_TIMEOUT).fail()
                .map(rows -> rows.size() > 0);
    }

    private static Account toAccount(Row row) {
        User user = new User(row.getUUID("id"), row.getString("email"), row.getString("display_name"),
                Role.fromString(row.getString("role")), row.getString("timezone"), row.getUUID("teacher_id"),
                row.getOffsetDateTime("created_at").toInstant());
        return new Account(user, row.getString("password_hash"));
    }
}
