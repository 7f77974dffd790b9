package dev.learnflow.exercise;

import dev.learnflow.local.testing.CodeExecutionPeer;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Every test of this module runs with: the test database, the service's real local sidecar over
 * embedded Kafka + PostgreSQL (state store included), the real code-execution service as a peer, and a progress
 * stand-in that receives the published events through Kafka.
 * And test data: students (the gateway owns users; tests insert them directly) and custom exercises.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "appId", value = "exercise"), @ResourceArg(name = "components", value = "real")})
@QuarkusTestResource(value = CodeExecutionPeer.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ProgressProbe.class, restrictToAnnotatedClass = false)
final class ExerciseFixtures {

    private ExerciseFixtures() {
    }

    static UUID student(Pool pool) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("insert into users (id, email, display_name, role, password_hash) "
                        + "values ($1, $2, 'Test Student', 'student', 'x')")
                .execute(Tuple.of(id, id + "@example.test")).await().indefinitely();
        return id;
    }

    /** A request as the gateway forwards it: identity headers of this student. */
    static RequestSpecification as(UUID student) {
        return given().header("x-learnflow-user", student.toString()).header("x-learnflow-roles", "student");
    }

    static RequestSpecification asTeacher(UUID teacher) {
        return given().header("x-learnflow-user", teacher.toString()).header("x-learnflow-roles", "teacher");
    }

    /**
     * A shared exercise with one test of each visibility, a 500 ms limit and two attempts: {@code total(n)} must
     * return 1 + 2 + ... + n.
     */
    static UUID sumExercise(Pool pool, Integer maxAttempts) {
        UUID id = UUID.randomUUID();
        String tests = """
                [{"name": "small", "call": "total(3)", "expected": "6", "visibility": "shown"},
                 {"name": "zero", "call": "total(0)", "expected": "0", "visibility": "hidden"},
                 {"name": "secret big one", "call": "total(1000)", "expected": "500500", "visibility": "hidden"},
                 {"name": "ten", "setup": "n = 10", "call": "total(n)", "expected": "55",
                  "visibility": "hidden_unless_failing"}]""";
        pool.preparedQuery("insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, "
                        + "reference_solution, tests, time_limit_ms, memory_limit_mb, max_attempts, source) values "
                        + "($1, 'for-loops', 'Total up to n', 'beginner', 'Return 1 + 2 + ... + n.', "
                        + "'def total(n):\n    pass\n', 'def total(n):\n    return n * (n + 1) // 2\n', $2::text::jsonb, "
                        + "500, 64, $3, 'seed')")
                .execute(Tuple.of(id, tests, maxAttempts)).await().indefinitely();
        return id;
    }
}
