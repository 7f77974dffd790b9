package dev.learnflow.concepts.client;

import dev.learnflow.contracts.domain.CourseModule;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.Topic;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The course structure: the migration-owned {@code modules} and {@code topics} tables, read-only. */
@ApplicationScoped
public class CurriculumRepository {

    private final Pool pool;

    public CurriculumRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<CourseModule>> modules() {
        return pool.query("select id, position, title, description from modules order by position")
                .execute().map(CurriculumRepository::modules);
    }

    public Uni<Optional<CourseModule>> module(String moduleId) {
        return pool.preparedQuery("select id, position, title, description from modules where id = $1")
                .execute(Tuple.of(moduleId)).map(rows -> modules(rows).stream().findFirst());
    }

    public Uni<List<Topic>> topics(String moduleId) {
        return pool.preparedQuery("select id, module_id, position, title, summary, difficulty from topics "
                        + "where module_id = $1 order by position")
                .execute(Tuple.of(moduleId)).map(CurriculumRepository::topics);
    }

    public Uni<List<Topic>> allTopics() {
        return pool.query("select t.id, t.module_id, t.position, t.title, t.summary, t.difficulty from topics t "
                        + "join modules m on m.id = t.module_id order by m.position, t.position")
                .execute().map(CurriculumRepository::topics);
    }

    private static List<CourseModule> modules(RowSet<Row> rows) {
        List<CourseModule> modules = new ArrayList<>();
        for (Row row : rows) {
            modules.add(new CourseModule(row.getString("id"), row.getInteger("position"), row.getString("title"),
                    row.getString("description")));
        }
        return modules;
    }

    private static List<Topic> topics(RowSet<Row> rows) {
        List<Topic> topics = new ArrayList<>();
        for (Row row : rows) {
            topics.add(new Topic(row.getString("id"), row.getString("module_id"), row.getInteger("position"),
                    row.getString("title"), row.getString("summary"),
                    Difficulty.fromString(row.getString("difficulty"))));
        }
        return topics;
    }
}
