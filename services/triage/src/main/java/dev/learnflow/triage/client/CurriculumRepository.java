package dev.learnflow.triage.client;

import dev.learnflow.triage.domain.TopicInfo;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the curriculum's topics (a read-only, migration-owned table) to infer the topic of a question. */
@ApplicationScoped
public class CurriculumRepository {

    private final Pool pool;

    public CurriculumRepository(Pool pool) {
        this.pool = pool;
    }

    public List<TopicInfo> topics() {
        List<TopicInfo> topics = new ArrayList<>();
        for (Row row : pool.query("select t.id, t.module_id, t.title, t.summary from topics t "
                + "join modules m on m.id = t.module_id order by m.position, t.position")
                .execute().await().atMost(Duration.ofSeconds(10))) {
            topics.add(new TopicInfo(row.getString("id"), row.getString("module_id"), row.getString("title"),
                    row.getString("summary")));
        }
        return topics;
    }
}
