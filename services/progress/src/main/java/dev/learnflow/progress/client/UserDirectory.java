package dev.learnflow.progress.client;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads accounts (owned by the gateway): time zone and teacher of a student, a teacher's class. */
@ApplicationScoped
public class UserDirectory {

    /** The facts progress needs about an account. */
    public record Account(UUID id, String role, String displayName, String timezone, UUID teacherId) {
    }

    private final Pool pool;

    @Inject
    public UserDirectory(Pool pool) {
        this.pool = pool;
    }

    public Optional<Account> find(UUID id) {
        var rows = pool.preparedQuery("select id, role, display_name, timezone, teacher_id from users where id = $1")
                .execute(Tuple.of(id)).await().atMost(Db.TIMEOUT);
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(account(it.next())) : Optional.empty();
    }

    /** The students whose teacher is {@code teacherId}, by name. */
    public List<Account> studentsOf(UUID teacherId) {
        var rows = pool.preparedQuery("select id, role, display_name, timezone, teacher_id from users "
                        + "where teacher_id = $1 and role = 'student' order by display_name, id")
                .execute(Tuple.of(teacherId)).await().atMost(Db.TIMEOUT);
        List<Account> out = new ArrayList<>();
        rows.forEach(r -> out.add(account(r)));
        return out;
    }

    private static Account account(Row r) {
        return new Account(r.getUUID("id"), r.getString("role"), r.getString("display_name"), r.getString("timezone"),
                r.getUUID("teacher_id"));
    }
}
