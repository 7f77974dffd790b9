package dev.learnflow.progress;

import dev.learnflow.local.testing.GatewayUsers;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts (served by the gateway stand-in, {@link GatewayUsers}) and reads of the tables progress writes. */
@ApplicationScoped
public class TestData {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    public UUID teacher() {
        return GatewayUsers.teacher();
    }

    public UUID student(String timezone, UUID teacherId) {
        return GatewayUsers.student(timezone, teacherId);
    }

    public UUID student(String name, String timezone, UUID teacherId) {
        return GatewayUsers.student(name, timezone, teacherId);
    }

    public UUID admin() {
        return GatewayUsers.admin();
    }

    public long eventLogRows(UUID userId) {
        return query("select count(*) as n from event_log where user_id = $1", userId).iterator().next().getLong("n");
    }

    public Optional<Row> eventLogRow(UUID id) {
        var it = query("select * from event_log where id = $1", id).iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    public Optional<Row> progressRow(UUID userId, String topicId) {
        var it = query("select * from progress where user_id = $1 and topic_id = $2", userId, topicId).iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    public List<Row> rows(String sql, Object... params) {
        List<Row> out = new ArrayList<>();
        query(sql, params).forEach(out::add);
        return out;
    }

    public void exec(String sql, Object... params) {
        query(sql, params);
    }

    private RowSet<Row> query(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(java.util.Arrays.asList(params))).await().atMost(TIMEOUT);
    }
}
