package dev.learnflow.exercise;

import dev.learnflow.platform.clients.CodeExecutionClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.ExerciseSource;
import dev.learnflow.exercise.client.ExerciseRepository;
import dev.learnflow.exercise.client.TemplateCatalog;
import dev.learnflow.exercise.domain.ExerciseTest;
import dev.learnflow.exercise.service.ChallengeGenerator;
import dev.learnflow.exercise.domain.ChallengeTemplate;
import dev.learnflow.exercise.domain.StoredExercise;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Challenge generation: every template instance's reference solution passes its own tests in the real sandbox,
 * every topic of the course can be generated, difficulty follows the student's mastery from progress (and falls
 * back when progress is down), generated exercises are private to their student and announced on
 * exercise.generated.
 */
@QuarkusTest
class GenerationTest {

    @Inject
    Pool pool;
    @Inject
    TemplateCatalog templates;
    @Inject
    ExerciseRepository repository;
    @Inject
    ChallengeGenerator generator;
    @Inject
    CodeExecutionClient sandbox;

    @AfterEach
    void progressBack() {
        ProgressProbe.failContext(false);
    }

    @Test
    void everyTemplateInstancePassesItsOwnTestsInTheSandbox() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (ChallengeTemplate template : templates.all()) {
            assertThat(template.problems()).as(template.id()).isEmpty();
            for (int v = 0; v < template.variants().size(); v++) {
                ChallengeTemplate.Instance i = template.instantiate(v);
                StoredExercise exercise = new StoredExercise(UUID.randomUUID(), template.topics().get(0), i.title(),
                        template.difficulty(), i.prompt(), i.starterCode(), i.referenceSolution(), i.tests(), 2000, 128,
                        null, ExerciseSource.TEMPLATE, null);
                checked++;
                String failure = failureOf(exercise);
                if (failure != null) {
                    failures.add(template.id() + " variant " + v + ": " + failure);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void everyStarterCodeFailsAtLeastOneTest() {
        // Otherwise a student could pass by submitting the starter code unchanged.
        List<String> passing = new ArrayList<>();
        for (ChallengeTemplate template : templates.all()) {
            ChallengeTemplate.Instance i = template.instantiate(0);
            StoredExercise asIs = new StoredExercise(UUID.randomUUID(), template.topics().get(0), i.title(),
                    template.difficulty(), i.prompt(), i.starterCode(), i.starterCode(), i.tests(), 2000, 128, null,
                    ExerciseSource.TEMPLATE, null);
            if (generator.referencePasses(asIs)) {
                passing.add(template.id());
            }
        }
        assertThat(passing).isEmpty();
    }

    @Test
    void everyTopicOfTheCourseHasATemplate() {
        for (String topic : repository.topicIds()) {
            assertThat(templates.forTopic(topic)).as(topic).isNotEmpty();
        }
    }

    @Test
    void seedExercisesPassTheirOwnTestsThroughTheGradingPath() {
        // Seed tests use `setup`, which the sandbox contract lacks: this proves the folding works for all of them.
        List<String> failures = new ArrayList<>();
        UUID nobody = UUID.randomUUID();
        for (String topic : repository.topicIds()) {
            for (StoredExercise e : repository.listFor(java.util.Optional.of(topic), nobody)) {
                String failure = e.source() == ExerciseSource.SEED ? failureOf(e) : null;
                if (failure != null) {
                    failures.add(e.id() + " " + e.title() + ": " + failure);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void difficultyFollowsTheStudentsMastery() {
        UUID novice = ExerciseFixtures.student(pool);
        UUID expert = ExerciseFixtures.student(pool);
        ProgressProbe.setMastery(novice, "for-loops", 0.1);
        ProgressProbe.setMastery(expert, "for-loops", 0.9);
        assertThat(generate(novice, "for-loops").getString("difficulty")).isEqualTo("beginner");
        assertThat(generate(expert, "for-loops").getString("difficulty")).isEqualTo("advanced");
    }

    @Test
    void progressDownMeansTheTopicsOwnDifficulty() {
        UUID student = ExerciseFixtures.student(pool);
        ProgressProbe.setMastery(student, "break-and-continue", 0.95);
        ProgressProbe.failContext(true);
        // break-and-continue is an intermediate topic
        assertThat(generate(student, "break-and-continue").getString("difficulty")).isEqualTo("intermediate");
    }

    @Test
    void generatedExerciseIsStoredPrivateAndAnnounced() {
        UUID student = ExerciseFixtures.student(pool);
        UUID other = ExerciseFixtures.student(pool);
        JsonPath exercise = ExerciseFixtures.as(student).contentType(ContentType.JSON)
                .body(Map.of("topicId", "strings", "difficulty", "beginner"))
                .post("/internal/exercises").then().statusCode(201).extract().jsonPath();
        String id = exercise.getString("id");
        assertThat(exercise.getString("source")).isEqualTo("template");
        assertThat(exercise.getString("topicId")).isEqualTo("strings");
        assertThat(exercise.getList("visibleTests", Map.class)).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("visibility")).isEqualTo("shown"));
        assertThat(exercise.prettify()).doesNotContain("referenceSolution").doesNotContain("hidden");

        ExerciseFixtures.as(student).get("/internal/exercises/{id}", id).then().statusCode(200).body("id", equalTo(id));
        ExerciseFixtures.as(other).get("/internal/exercises/{id}", id).then().statusCode(404);
        ExerciseFixtures.asTeacher(other).get("/internal/exercises/{id}", id).then().statusCode(200);
        assertThat(ExerciseFixtures.as(student).get("/internal/exercises?topicId=strings").jsonPath().getList("id"))
                .contains(id).contains("e0000000-0000-4000-8000-000000000102");
        assertThat(ExerciseFixtures.as(other).get("/internal/exercises?topicId=strings").jsonPath().getList("id"))
                .doesNotContain(id);

        JsonNode announced = ProgressProbe.await("exercise.generated",
                e -> e.path("data").path("exerciseId").asText().equals(id));
        assertThat(announced.path("data").path("userId").asText()).isEqualTo(student.toString());
        assertThat(announced.path("data").path("source").asText()).isEqualTo("template");
        assertThat(announced.path("data").path("difficulty").asText()).isEqualTo("beginner");

        // and it can be solved: grade the template's own reference solution as a submission
        String solution = pool.preparedQuery("select reference_solution from exercises where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(id))).await().indefinitely()
                .iterator().next().getString(0);
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("code", solution))
                .post("/internal/exercises/{id}/submissions", id)
                .then().statusCode(200).body("passed", equalTo(true)).body("score", equalTo(1.0f));
    }

    @Test
    void repeatedRequestsOfferNewVariantsFirst() {
        UUID student = ExerciseFixtures.student(pool);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            titles.add(ExerciseFixtures.as(student).contentType(ContentType.JSON)
                    .body(Map.of("topicId", "for-loops", "difficulty", "beginner"))
                    .post("/internal/exercises").then().statusCode(201).extract().jsonPath().getString("title"));
        }
        assertThat(titles).doesNotHaveDuplicates();
    }

    @Test
    void unknownTopicAndBadRequestsAreProblems() {
        UUID student = ExerciseFixtures.student(pool);
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("topicId", "no-such-topic"))
                .post("/internal/exercises").then().statusCode(404).contentType("application/problem+json");
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("topicId", "Not A Slug!"))
                .post("/internal/exercises").then().statusCode(400).contentType("application/problem+json");
        // (an unknown enum value is a 400; its content type is the platform's ProblemMappers' business)
        ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("topicId", "strings", "difficulty", "extreme"))
                .post("/internal/exercises").then().statusCode(400);
        ExerciseFixtures.as(student).get("/internal/exercises?topicId=no-such-topic").then().statusCode(404);
        ExerciseFixtures.as(student).get("/internal/exercises/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** Null when the reference solution passes every test in the sandbox, else what failed. */
    private String failureOf(StoredExercise e) {
        var run = sandbox.runTests(e.testRun(e.referenceSolution()), java.time.Duration.ofSeconds(30));
        var failed = run.results().stream().filter(r -> !r.passed()).map(r -> r.name() + " [" + r.status() + "] "
                + r.message()).toList();
        return failed.isEmpty() ? null : failed.toString();
    }

    private JsonPath generate(UUID student, String topic) {
        return ExerciseFixtures.as(student).contentType(ContentType.JSON).body(Map.of("topicId", topic))
                .post("/internal/exercises").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void difficultyPolicyUsesTheMasteryBands() {
        assertThat(dev.learnflow.exercise.service.DifficultyPolicy.forMastery(java.util.OptionalDouble.of(0.39),
                Difficulty.ADVANCED)).isEqualTo(Difficulty.BEGINNER);
        assertThat(dev.learnflow.exercise.service.DifficultyPolicy.forMastery(java.util.OptionalDouble.of(0.4),
                Difficulty.BEGINNER)).isEqualTo(Difficulty.INTERMEDIATE);
        assertThat(dev.learnflow.exercise.service.DifficultyPolicy.forMastery(java.util.OptionalDouble.of(0.7),
                Difficulty.BEGINNER)).isEqualTo(Difficulty.ADVANCED);
        assertThat(dev.learnflow.exercise.service.DifficultyPolicy.forMastery(java.util.OptionalDouble.empty(),
                Difficulty.INTERMEDIATE)).isEqualTo(Difficulty.INTERMEDIATE);
    }
}
