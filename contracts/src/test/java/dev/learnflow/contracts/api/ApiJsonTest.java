package dev.learnflow.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.learnflow.contracts.answers.Diagnosis;
import dev.learnflow.contracts.answers.ReceivedAnswer;
import dev.learnflow.contracts.domain.ExecutionError;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.domain.MasteryLevel;
import dev.learnflow.contracts.domain.TestCaseResult;
import dev.learnflow.contracts.domain.TestVisibility;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.json.ContractsJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire form of API types: lower-case enums, ISO dates, RFC 7807 problems, round trips. */
class ApiJsonTest {

    private static final ObjectMapper JSON = ContractsJson.newObjectMapper();

    @Test
    void runCodeResponseUsesSnakeCaseStatusAndRoundTrips() throws Exception {
        RunCodeResponse response = new RunCodeResponse("", "Traceback ...", 1, ExecutionStatus.RUNTIME_ERROR, 41, 30,
                new ExecutionError("ZeroDivisionError", "division by zero", 2), false);

        String json = JSON.writeValueAsString(response);

        assertThat(JSON.readTree(json).get("status").asText()).isEqualTo("runtime_error");
        assertThat(JSON.readValue(json, RunCodeResponse.class)).isEqualTo(response);
    }

    @Test
    void gradeResultRoundTripsAndHidesNullExpectations() throws Exception {
        GradeResult grade = new GradeResult(UUID.randomUUID(), 2, false, 0.5, List.of(
                new TestCaseResult("sums 1..3", TestVisibility.SHOWN, true, ExecutionStatus.OK, "6", "6", null, 35),
                new TestCaseResult("hidden edge case", TestVisibility.HIDDEN, false, ExecutionStatus.OK, null, null,
                        "wrong answer", 33)), 1);

        String json = JSON.writeValueAsString(grade);

        JsonNode hidden = JSON.readTree(json).get("results").get(1);
        assertThat(hidden.has("expected")).isFalse();
        assertThat(hidden.get("visibility").asText()).isEqualTo("hidden");
        assertThat(JSON.readValue(json, GradeResult.class)).isEqualTo(grade);
    }

    @Test
    void aFailedGradeCarriesTheFeedbackWithItsDiagnosisAndRoundTrips() throws Exception {
        Diagnosis.FailingCase failingCase = new Diagnosis.FailingCase("fibonacci(5)", null, "5", "8", null, false,
                "test", null);
        ProgramFeedback feedback = new ProgramFeedback("wrong_result", 1, 3,
                List.of(new ProgramFeedback.Hint(1, "where to look", "Your call `fibonacci(5)` returns `8`.")),
                List.of("A hidden test with zero fails: your result is not the expected one."),
                new Diagnosis("wrong_result", failingCase, List.of(), List.of(new Diagnosis.SuspiciousLine(3, 1.0,
                        "assigned wrongly")), null, List.of(), null, null));
        GradeResult grade = new GradeResult(UUID.randomUUID(), 1, false, 0.5, List.of(), null).withFeedback(feedback);

        String json = JSON.writeValueAsString(grade);

        JsonNode tree = JSON.readTree(json).get("feedback");
        assertThat(tree.get("hints").get(0).get("label").asText()).isEqualTo("where to look");
        assertThat(tree.get("diagnosis").get("failingCase").has("stdin")).isTrue(); // JSON nulls kept inside
        assertThat(JSON.readValue(json, GradeResult.class)).isEqualTo(grade);
        assertThat(new GradeResult(grade.exerciseId(), 1, true, 1.0, List.of(), null).feedback()).isNull();
    }

    @Test
    void progressViewRoundTripsWithIsoDates() throws Exception {
        ProgressView view = new ProgressView(UUID.randomUUID(), 0.44, MasteryLevel.DEVELOPING, List.of(
                new MasteryView("control-flow", "Control flow", 0.44, MasteryLevel.DEVELOPING, List.of(
                        new MasteryView.TopicMastery("for-loops", "for loops", 0.72, MasteryLevel.PROFICIENT, 9, 7,
                                Instant.parse("2025-03-14T10:00:00Z"))))),
                new StreakView(4, 11, LocalDate.of(2025, 3, 14), "Europe/Berlin", 1, true));

        String json = JSON.writeValueAsString(view);

        assertThat(JSON.readTree(json).at("/streak/lastActiveDay").asText()).isEqualTo("2025-03-14");
        assertThat(JSON.readTree(json).at("/modules/0/topics/0/lastActivityAt").asText())
                .isEqualTo("2025-03-14T10:00:00Z");
        assertThat(JSON.readTree(json).at("/modules/0/level").asText()).isEqualTo("developing");
        assertThat(JSON.readValue(json, ProgressView.class)).isEqualTo(view);
    }

    @Test
    void problemOmitsEmptyPartsAndListsFieldErrors() throws Exception {
        Problem notFound = Problem.of("https://learnflow.dev/problems/not-found", "Not found", 404, null);
        assertThat(JSON.writeValueAsString(notFound)).isEqualTo(
                "{\"type\":\"https://learnflow.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404}");

        Problem invalid = new Problem("https://learnflow.dev/problems/validation", "Invalid request", 400,
                "2 fields are invalid", "/api/v1/queries",
                List.of(new Problem.FieldError("question", "must not be blank"),
                        new Problem.FieldError("code", "size must be between 0 and 20000")));
        JsonNode json = JSON.readTree(JSON.writeValueAsString(invalid));
        assertThat(json.at("/errors/0/field").asText()).isEqualTo("question");
        assertThat(json.at("/errors/1/message").asText()).contains("20000");
        assertThat(JSON.treeToValue(json, Problem.class)).isEqualTo(invalid);
    }

    @Test
    void queryTypesRoundTrip() throws Exception {
        UUID id = UUID.randomUUID();
        QueryAccepted accepted = QueryAccepted.pending(id, "/api/v1/queries/" + id);
        assertThat(JSON.readTree(JSON.writeValueAsString(accepted)).get("status").asText()).isEqualTo("pending");
        assertThat(JSON.readValue(JSON.writeValueAsString(accepted), QueryAccepted.class)).isEqualTo(accepted);

        QueryAnswer answer = new QueryAnswer(id, QueryStatus.ANSWERED, ResponseKind.OFF_TOPIC,
                "triage", "I can help with Python.", new ReceivedAnswer(Map.of("suggestions", List.of("loops", "lists"))),
                Instant.parse("2025-03-14T10:00:01.5Z"));
        String json = JSON.writeValueAsString(answer);
        assertThat(JSON.readTree(json).get("kind").asText()).isEqualTo("off_topic");
        assertThat(JSON.readValue(json, QueryAnswer.class)).isEqualTo(answer);
    }

    @Test
    void unknownEnumValueIsAReadableParseError() {
        assertThatThrownBy(() -> JSON.readValue("{\"topicId\":\"lists\",\"difficulty\":\"insane\"}",
                ExerciseRequest.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("insane")
                .hasMessageContaining("beginner");
    }
}
