package dev.learnflow.exercise.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.Quiz;
import dev.learnflow.contracts.domain.QuizAnswerKey;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The seeded {@code quizzes} table (read only). */
@ApplicationScoped
public class QuizRepository {

    private static final TypeReference<List<String>> OPTIONS = new TypeReference<>() {
    };

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    /** A quiz with its answer key, for grading. */
    public record StoredQuiz(Quiz quiz, QuizAnswerKey key) {
    }

    public List<Quiz> byTopic(String topicId) {
        List<Quiz> quizzes = new ArrayList<>();
        pool.preparedQuery("select id, topic_id, question, options::text as options, correct_option, explanation, "
                        + "difficulty from quizzes where topic_id = $1 order by position, id")
                .execute(Tuple.of(topicId)).await().atMost(ExerciseRepository.TIMEOUT)
                .forEach(r -> quizzes.add(map(r).quiz()));
        return quizzes;
    }

    public Optional<StoredQuiz> find(UUID id) {
        var rows = pool.preparedQuery("select id, topic_id, question, options::text as options, correct_option, "
                        + "explanation, difficulty from quizzes where id = $1")
                .execute(Tuple.of(id)).await().atMost(ExerciseRepository.TIMEOUT);
        for (Row r : rows) {
            return Optional.of(map(r));
        }
        return Optional.empty();
    }

    private StoredQuiz map(Row r) {
        List<String> options = JsonColumn.read(mapper, r, "options", OPTIONS, "quiz");
        UUID id = r.getUUID("id");
        return new StoredQuiz(new Quiz(id, r.getString("topic_id"), r.getString("question"), options,
                Difficulty.fromString(r.getString("difficulty"))),
                new QuizAnswerKey(id, r.getInteger("correct_option"), r.getString("explanation")));
    }
}
