package dev.learnflow.progress.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.progress.domain.StudentReadModel;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code student_snapshot} table: each student's read model, the copy of their StudentActor's state the read
 * routes are answered from. Written by {@link ReportingRows} in the transaction of the events that changed it, so
 * whatever {@code event_log} holds, the reads show. Only a higher revision replaces a row, so deliveries written out
 * of order never bring an older state back.
 */
@ApplicationScoped
public class StudentSnapshots {

    static final String UPSERT = """
            insert into student_snapshot (user_id, revision, state, updated_at)
            values ($1, $2, $3::text::jsonb, $4)
            on conflict (user_id) do update
                set revision = excluded.revision,
                    state = excluded.state,
                    updated_at = excluded.updated_at
                where student_snapshot.revision < excluded.revision
            """;

    /**
     * A student's stored read model, if any, and whether {@code event_log} holds events of theirs: a student with
     * neither never had an event recorded, one with events but no copy was recorded before copies existed.
     */
    private static final String FIND = """
            select s.revision, s.state::text as state,
                   exists (select 1 from event_log e where e.user_id = $1) as has_events
            from (select 1) as one
                     left join student_snapshot s on s.user_id = $1
            """;

    /** What the table says about one student. */
    public record Stored(Optional<StudentReadModel> readModel, boolean hasEvents) {
    }

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    public Stored find(UUID userId) {
        Row row = pool.preparedQuery(FIND).execute(Tuple.of(userId)).await().atMost(Db.TIMEOUT).iterator().next();
        String state = row.getString("state");
        Optional<StudentReadModel> model = Optional.empty();
        if (state != null) {
            try {
                model = Optional.of(new StudentReadModel(row.getLong("revision"), mapper.readTree(state)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Stored(model, row.getBoolean("has_events"));
    }

    /** Stores a read model fetched from the actor (a student recorded before copies existed). */
    public void save(UUID userId, StudentReadModel model, Instant now) {
        pool.preparedQuery(UPSERT).execute(row(userId, model, now)).await().atMost(Db.TIMEOUT);
    }

    /** The parameters of {@link #UPSERT} (also written by {@link ReportingRows}). */
    Tuple row(UUID userId, StudentReadModel model, Instant now) {
        return Tuple.from(Arrays.asList(userId, model.revision(), model.state().toString(), Db.ts(now)));
    }
}
