package dev.learnflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import dev.learnflow.local.launcher.Mesh;

/**
 * Issue 16's exercise feedback over the whole mesh: a failed submission through the gateway comes back with the
 * debug agent's level-1 hint on the first failing shown test (exercise → its sidecar → debug's sidecar → debug →
 * code-execution, under the real access control), the hidden test named only by its category, and levels 2 and 3
 * on the same code through the gateway. With debug down the grade still comes, without the hint.
 */
@ExtendWith(LocalMesh.class)
class ExerciseFeedbackTest {

    /** Seed exercise "Format a Name": two shown tests, two hidden (one with a tab and trailing spaces). */
    private static final String FORMAT_NAME = "e0000000-0000-4000-8000-000000000102";
    /** Right for clean input only: fails "spaces and caps" (shown) and "mixed case with tabs" (hidden). */
    private static final String HALF_RIGHT = "def format_name(first, last):\n    return last.title() + ', ' + first.title()\n";
    private static final Duration RESTART = Duration.ofMinutes(3);

    private final Api api = Api.gateway();

    private Api.Reply submit(Api.User student, String code) throws Exception {
        return api.post("/api/v1/exercises/" + FORMAT_NAME + "/submissions", student.accessToken(), Map.of("code", code));
    }

    private Api.Reply hints(Api.User student, String code, int level) throws Exception {
        return api.post("/api/v1/exercises/" + FORMAT_NAME + "/hints", student.accessToken(),
                Map.of("code", code, "hintLevel", level));
    }

    @Test
    void aFailedSubmissionGetsTheTutorsHintsInLevelsAndNothingOfTheHiddenTest() throws Exception {
        Api.User student = api.register("student", "Hinted Student", null);

        Api.Reply graded = submit(student, HALF_RIGHT);

        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        JsonNode grade = graded.json();
        assertThat(grade.path("passed").asBoolean()).isFalse();
        JsonNode feedback = grade.path("feedback");
        assertThat(feedback.path("hints")).as(graded.body()).hasSize(1);
        assertThat(feedback.path("hints").get(0).path("text").asText())
                .contains("format_name('  ada ', 'LOVELACE')").contains("'Lovelace, Ada'");
        assertThat(feedback.path("hiddenNotes")).hasSize(1);
        assertThat(feedback.path("hiddenNotes").get(0).asText()).startsWith("A hidden test");
        assertThat(feedback.path("diagnosis").path("failingCase").path("call").asText())
                .isEqualTo("format_name('  ada ', 'LOVELACE')");
        assertThat(feedback.path("diagnosis").path("trace").path("steps").size()).isGreaterThan(0);
        assertThat(feedback.path("diagnosis").path("suspiciousLines").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(graded.body()).doesNotContain("kATHERINE").doesNotContain("johnson").doesNotContain("turing");

        for (int level = 2; level <= 3; level++) {
            Api.Reply more = hints(student, HALF_RIGHT, level);
            assertThat(more.status()).as(more.toString()).isEqualTo(200);
            assertThat(more.json().path("hints")).hasSize(level);
            assertThat(more.json().path("hints").get(1).path("text").asText()).contains("line 2");
            assertThat(more.body()).doesNotContain("```").doesNotContain("strip()").doesNotContain("kATHERINE");
        }
        Api.Reply notGraded = hints(student, HALF_RIGHT + "# another try\n", 2);
        assertThat(notGraded.status()).isEqualTo(409);
        assertThat(notGraded.contentType()).startsWith("application/problem+json");
    }

    @Test
    void withDebugDownTheGradeStillComesWithoutAHint() throws Exception {
        Api.User student = api.register("student", "Unhinted Student", null);
        Mesh mesh = LocalMesh.get().mesh();
        mesh.killService("debug");
        try {
            Api.Reply graded = submit(student, HALF_RIGHT);
            assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
            assertThat(graded.json().path("attempt").asInt()).isEqualTo(1);
            assertThat(graded.json().path("results")).hasSize(4);
            assertThat(graded.json().path("feedback").isNull() || graded.json().path("feedback").isMissingNode())
                    .as(graded.body()).isTrue();

            Api.Reply more = hints(student, HALF_RIGHT, 2);
            assertThat(more.status()).as(more.toString()).isEqualTo(503);
            assertThat(more.contentType()).startsWith("application/problem+json");
        } finally {
            mesh.restartService("debug", RESTART);
        }
        // After a failed call exercise leaves debug alone for a few seconds (so the gateway sidecar's retries answer
        // at once); debug can be back sooner. Hints come again once that pause is over: then the next grade has one.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> hints(student, HALF_RIGHT, 1).status() == 200);
        Api.Reply again = submit(student, HALF_RIGHT);
        assertThat(again.json().path("attempt").asInt()).isEqualTo(2);
        assertThat(again.json().path("feedback").path("hints")).as(again.body()).hasSize(1);
    }
}
