package dev.learnflow.exercise.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.ExerciseSource;
import dev.learnflow.exercise.domain.ExerciseTest;
import dev.learnflow.exercise.domain.StoredExercise;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code exercises} and {@code topics} tables (this service writes exercises; topics are read only). */
@ApplicationScoped
public class ExerciseRepository {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String COLUMNS = "id, topic_id, title, difficulty, prompt, starter_code, reference_solution, "
            + "tests::text as tests, time_limit_ms, memory_limit_mb, max_attempts, source, generated_for";
    private static final TypeReference<List<ExerciseTest>> TESTS = new TypeReference<>() {
    };

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    /** A topic of the seeded course, for generation (its title, summary and default difficulty). */
    public record TopicInfo(String id, String moduleId, String title, String summary, Difficulty difficulty) {
    }

    /** Found topics are kept a minute (see {@link TopicCache}); unknown ones are looked up every time. */
    private final TopicCache<TopicInfo> topics = new TopicCache<>(Duration.ofMinutes(1), System::nanoTime);

    public Optional<TopicInfo> topic(String topicId) {
        return topics.get(topicId, this::loadTopic);
    }

    private Optional<TopicInfo> loadTopic(String topicId) {
        var rows = pool.preparedQuery("select id, module_id, title, summary, difficulty from topics where id = $1")
                .execute(Tuple.of(topicId)).await().atMost(TIMEOUT);
        for (Row r : rows) {
            return Optional.of(new TopicInfo(r.getString("id"), r.getString("module_id"), r.getString("title"),
                    r.getString("summary"), Difficulty.fromString(r.getString("difficulty"))));
        }
        return Optional.empty();
    }

    public List<String> topicIds() {
        List<String> ids = new ArrayList<>();
        pool.query("select id from topics order by id").execute().await().atMost(TIMEOUT)
                .forEach(r -> ids.add(r.getString("id")));
        return ids;
    }

    public Optional<StoredExercise> find(UUID id) {
        var rows = pool.preparedQuery("select " + COLUMNS + " from exercises where id = $1")
                .execute(Tuple.of(id)).await().atMost(TIMEOUT);
        for (Row r : rows) {
            return Optional.of(map(r));
        }
        return Optional.empty();
    }

    /** Shared exercises of a topic (or of every topic) plus those generated for this student. */
    public List<StoredExercise> listFor(Optional<String> topicId, UUID student) {
        String sql = "select " + COLUMNS + " from exercises where (generated_for is null or generated_for = $1)"
                + (topicId.isPresent() ? " and topic_id = $2" : "")
                + " order by topic_id, case difficulty when 'beginner' then 0 when 'intermediate' then 1 else 2 end,"
                + " created_at, id";
        Tuple args = topicId.map(t -> Tuple.of(student, t)).orElse(Tuple.of(student));
        List<StoredExercise> result = new ArrayList<>();
        pool.preparedQuery(sql).execute(args).await().atMost(TIMEOUT).forEach(r -> result.add(map(r)));
        return result;
    }

    /** Titles already generated for a student on a topic, so generation can offer something new. */
    public Set<String> generatedTitles(UUID student, String topicId) {
        Set<String> titles = new java.util.HashSet<>();
        pool.preparedQuery("select title from exercises where generated_for = $1 and topic_id = $2")
                .execute(Tuple.of(student, topicId)).await().atMost(TIMEOUT)
                .forEach(r -> titles.add(r.getString("title")));
        return titles;
    }

    public void insert(StoredExercise e) {
        String tests;
        try {
            tests = mapper.writeValueAsString(e.tests());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        pool.preparedQuery("insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, "
                        + "reference_solution, tests, time_limit_ms, memory_limit_mb, max_attempts, source, generated_for) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10, $11, $12, $13)")
                .execute(Tuple.from(java.util.Arrays.asList(e.id(), e.topicId(), e.title(), e.difficulty().value(),
                        e.prompt(), e.starterCode(), e.referenceSolution(), tests, e.timeLimitMs(), e.memoryLimitMb(),
                        e.maxAttempts(), e.source().value(), e.generatedFor())))
                .await().atMost(TIMEOUT);
    }

    private StoredExercise map(Row r) {
        List<ExerciseTest> tests = JsonColumn.read(mapper, r, "tests", TESTS, "exercise");
        return new StoredExercise(r.getUUID("id"), r.getString("topic_id"), r.getString("title"),
                Difficulty.fromString(r.getString("difficulty")), r.getString("prompt"), r.getString("starter_code"),
                r.getString("reference_solution"), tests, r.getInteger("time_limit_ms"),
                r.getInteger("memory_limit_mb"), r.getInteger("max_attempts"),
                ExerciseSource.fromString(r.getString("source")), r.getUUID("generated_for"));
    }
}
