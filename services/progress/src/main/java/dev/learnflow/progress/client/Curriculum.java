package dev.learnflow.progress.client;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The course outline (modules and topics, seeded by migrations and read-only), cached in memory. An unknown topic
 * id triggers at most one reload a minute, so a course added by a migration shows up without a restart.
 */
@ApplicationScoped
public class Curriculum {

    public record TopicInfo(String id, String moduleId, int position, String title) {
    }

    public record ModuleInfo(String id, int position, String title, List<TopicInfo> topics) {
        public ModuleInfo {
            topics = List.copyOf(topics);
        }
    }

    private record Outline(List<ModuleInfo> modules, Map<String, TopicInfo> topics, Instant loadedAt) {
    }

    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

    @Inject
    Pool pool;
    private volatile Outline outline;

    /** Modules in teaching order, each with its topics in order. */
    public List<ModuleInfo> modules() {
        return outline().modules();
    }

    public Optional<TopicInfo> topic(String topicId) {
        Outline o = outline();
        TopicInfo t = o.topics().get(topicId);
        if (t == null && Duration.between(o.loadedAt(), Instant.now()).compareTo(RELOAD_AFTER) > 0) {
            t = reload().topics().get(topicId);
        }
        return Optional.ofNullable(t);
    }

    public Optional<ModuleInfo> module(String moduleId) {
        return modules().stream().filter(m -> m.id().equals(moduleId)).findFirst();
    }

    public int topicCount() {
        return outline().topics().size();
    }

    private Outline outline() {
        Outline o = outline;
        return o != null ? o : reload();
    }

    private synchronized Outline reload() {
        Map<String, String> moduleTitles = new LinkedHashMap<>();
        Map<String, Integer> modulePositions = new LinkedHashMap<>();
        for (Row r : pool.query("select id, position, title from modules order by position").execute()
                .await().atMost(Db.TIMEOUT)) {
            moduleTitles.put(r.getString("id"), r.getString("title"));
            modulePositions.put(r.getString("id"), r.getInteger("position"));
        }
        Map<String, List<TopicInfo>> byModule = new LinkedHashMap<>();
        moduleTitles.keySet().forEach(id -> byModule.put(id, new ArrayList<>()));
        Map<String, TopicInfo> topics = new LinkedHashMap<>();
        for (Row r : pool.query("select id, module_id, position, title from topics order by module_id, position")
                .execute().await().atMost(Db.TIMEOUT)) {
            TopicInfo t = new TopicInfo(r.getString("id"), r.getString("module_id"), r.getInteger("position"),
                    r.getString("title"));
            topics.put(t.id(), t);
            byModule.computeIfAbsent(t.moduleId(), k -> new ArrayList<>()).add(t);
        }
        List<ModuleInfo> modules = new ArrayList<>();
        byModule.forEach((id, list) -> modules.add(new ModuleInfo(id, modulePositions.getOrDefault(id, 0),
                moduleTitles.getOrDefault(id, id), list)));
        Outline o = new Outline(Collections.unmodifiableList(modules), Collections.unmodifiableMap(topics),
                Instant.now());
        outline = o;
        return o;
    }
}
