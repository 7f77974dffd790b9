package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.json.ContractsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainTest {

    private static final ObjectMapper JSON = ContractsJson.newObjectMapper();
    private static final Instant AT = Instant.parse("2025-03-14T15:09:26Z");

    @Test
    void rolesAreLowerCaseOnTheWire() throws Exception {
        User user = new User(UUID.randomUUID(), "ada@example.org", "Ada", Role.TEACHER, "Europe/London", null, AT);

        String json = JSON.writeValueAsString(user);

        assertThat(JSON.readTree(json).get("role").asText()).isEqualTo("teacher");
        assertThat(JSON.readTree(json).get("createdAt").asText()).isEqualTo("2025-03-14T15:09:26Z");
        assertThat(JSON.readValue(json, User.class)).isEqualTo(user);
        assertThat(Role.fromString("ADMIN")).isEqualTo(Role.ADMIN);
        assertThat(Role.fromString("admin")).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> Role.fromString("root")).hasMessageContaining("student, teacher, admin");
    }

    @Test
    void exerciseWithBothTestStylesRoundTrips() throws Exception {
        Exercise exercise = new Exercise(UUID.randomUUID(), "functions-basics", "Add two numbers",
                Difficulty.BEGINNER, "Write `add(a, b)` that returns the sum.", "def add(a, b):\n    pass\n",
                List.of(TestCase.call("small numbers", "add(2, 3)", "5", TestVisibility.SHOWN),
                        TestCase.io("prints", "2\n3\n", "5", TestVisibility.SHOWN)),
                2_000, 64, null, ExerciseSource.SEED);

        String json = JSON.writeValueAsString(exercise);

        JsonNode tests = JSON.readTree(json).get("visibleTests");
        assertThat(tests.get(0).has("stdin")).isFalse();
        assertThat(tests.get(0).get("visibility").asText()).isEqualTo("shown");
        assertThat(tests.get(0).has("callStyle")).as("helper methods are not serialised").isFalse();
        assertThat(JSON.readTree(json).get("source").asText()).isEqualTo("seed");
        assertThat(JSON.readValue(json, Exercise.class)).isEqualTo(exercise);
        assertThat(exercise.visibleTests().get(0).callStyle()).isTrue();
    }

    @Test
    void quizCarriesNoAnswer() throws Exception {
        Quiz quiz = new Quiz(UUID.randomUUID(), "lists", "What does [1, 2, 3][-1] evaluate to?",
                List.of("1", "3", "IndexError"), Difficulty.BEGINNER);

        JsonNode json = JSON.valueToTree(quiz);

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("id", "topicId", "question", "options", "difficulty");
        assertThat(new QuizAnswerKey(quiz.id(), 1, "Negative indexes count from the end.").isCorrect(1)).isTrue();
    }

    @Test
    void alertAndStreakRoundTrip() throws Exception {
        Alert alert = new Alert(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "for-loops",
                StruggleReason.REPEATED_FAILURE, AlertSeverity.CRITICAL, AlertStatus.OPEN,
                Map.of("failures", 5, "exerciseId", "e1"), AT, AT);
        Streak streak = new Streak(3, 10, LocalDate.of(2025, 3, 14), "Asia/Tokyo", 2);
        Progress progress = new Progress(UUID.randomUUID(), "for-loops", 0.72, MasteryLevel.of(0.72), 9, 7, AT);

        assertThat(JSON.readTree(JSON.writeValueAsString(alert)).get("reason").asText()).isEqualTo("repeated_failure");
        assertThat(JSON.readValue(JSON.writeValueAsString(alert), Alert.class)).isEqualTo(alert);
        assertThat(JSON.readValue(JSON.writeValueAsString(streak), Streak.class)).isEqualTo(streak);
        assertThat(JSON.readValue(JSON.writeValueAsString(progress), Progress.class)).isEqualTo(progress);
    }

    @ParameterizedTest
    @CsvSource({"0.0,novice", "0.39,novice", "0.4,developing", "0.69,developing", "0.7,proficient",
            "0.949,proficient", "0.95,mastered", "1.0,mastered"})
    void masteryBands(double pKnown, String level) {
        assertThat(MasteryLevel.of(pKnown).value()).isEqualTo(level);
    }

    @Test
    void masteryRejectsImpossibleProbabilities() {
        assertThatThrownBy(() -> MasteryLevel.of(1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasteryLevel.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
