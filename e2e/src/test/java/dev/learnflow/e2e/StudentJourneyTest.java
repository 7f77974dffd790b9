package dev.learnflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import dev.learnflow.local.launcher.DbTarget;
import dev.learnflow.local.testing.SocketClient;

/**
 * Issue 11's journey over the whole local mesh, as clients see it: the public API on the gateway and the
 * WebSocket. Every answer travels gateway → sidecar → agent → Kafka → sidecar → websocket; mastery and streak go
 * through the progress actors; the alert goes progress → struggle.detected → notification → teacher socket.
 */
@ExtendWith(LocalMesh.class)
class StudentJourneyTest {

    private static final Duration ANSWER = Duration.ofSeconds(60);
    private static final String BUGGY = "scores = [3, 5, 8]\ntotal = 0\nfor s in scores:\n    total += s\nprint(totl)\n";

    private final Api api = Api.gateway();
    private final Map<String, Long> timings = new LinkedHashMap<>();

    @Test
    void aStudentLearnsAndTheTeacherIsAlerted() throws Exception {
        Api.User teacher = api.register("teacher", "Tess Teacher", null);
        Api.User alice = api.register("student", "Alice Student", teacher.id());
        Api.User bob = api.register("student", "Bob Student", teacher.id());

        try (SocketClient aliceSocket = LocalMesh.socket(alice); SocketClient bobSocket = LocalMesh.socket(bob);
                SocketClient teacherSocket = LocalMesh.socket(teacher)) {
            List<String> aliceRequests = new ArrayList<>();

            // 1. A concept question: explanation with an execution trace and a diagram, on the socket (SC-001).
            long asked = System.nanoTime();
            String question = accepted(api.post("/api/v1/questions", alice.accessToken(),
                    Map.of("question", "How do I change every item of a list with a for loop?")));
            aliceRequests.add(question);
            JsonNode answer = aliceSocket.await("learning.response", question, ANSWER).path("payload");
            timings.put("question to answer on the socket (SC-001)", millisSince(asked));
            assertThat(answer.path("kind").asText()).isEqualTo("concept");
            assertThat(answer.path("text").asText()).isNotBlank();
            assertThat(answer.path("data").path("trace").path("steps").size()).as("trace steps").isGreaterThan(1);
            assertThat(answer.path("data").path("mermaid").asText()).as("diagram").isNotBlank();
            // The socket and triage's answer store consume the same event independently: poll briefly.
            JsonNode stored = awaitAnswered(alice, question);
            assertThat(stored.path("text").asText()).isEqualTo(answer.path("text").asText());

            // 2. Code that raises: the sandbox reports the exception, then hints at level 1 and level 2.
            long ran = System.nanoTime();
            Api.Reply run = api.post("/api/v1/runs", alice.accessToken(), Map.of("code", BUGGY));
            timings.put("run with an exception", millisSince(ran));
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            assertThat(run.json().path("status").asText()).isEqualTo("runtime_error");
            assertThat(run.json().path("exception").path("type").asText()).isEqualTo("NameError");
            assertThat(run.json().path("exception").path("line").asInt()).isEqualTo(5);
            String traceback = run.json().path("stderr").asText();
            for (int level = 1; level <= 2; level++) {
                String debug = accepted(api.post("/api/v1/debug", alice.accessToken(),
                        Map.of("code", BUGGY, "error", traceback, "hintLevel", level)));
                aliceRequests.add(debug);
                JsonNode hints = aliceSocket.await("learning.response", debug, ANSWER).path("payload").path("data");
                assertThat(hints.path("error").path("type").asText()).isEqualTo("NameError");
                assertThat(hints.path("error").path("line").asInt()).isEqualTo(5);
                assertThat(hints.path("hints").size()).as("hints at level " + level).isEqualTo(level);
                assertThat(hints.path("hints").toString()).doesNotContain("print(total)");
            }

            // 3. A code review: findings with lines and a score.
            String review = accepted(api.post("/api/v1/reviews", alice.accessToken(), Map.of("code",
                    "def add_item(item, items=[]):\n    items.append(item)\n    if items == None:\n        pass\n"
                            + "    return items\n")));
            aliceRequests.add(review);
            JsonNode reviewed = aliceSocket.await("learning.response", review, ANSWER).path("payload").path("data");
            assertThat(reviewed.path("findings").findValuesAsText("rule")).isNotEmpty();
            assertThat(reviewed.path("findings").toString()).containsIgnoringCase("mutable");
            assertThat(reviewed.path("score").asInt()).isBetween(0, 99);

            // 4. An exercise: a wrong then a right solution; mastery and streak change.
            Api.Reply generated = api.post("/api/v1/exercises", alice.accessToken(), Map.of("topicId", "variables"));
            assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
            String exerciseId = generated.json().path("id").asText();
            aliceSocket.await(m -> "exercise.generated".equals(m.path("type").asText())
                    && exerciseId.equals(m.path("payload").path("exerciseId").asText()), ANSWER);
            double before = topicMastery(alice, "variables");
            JsonNode wrong = api.post("/api/v1/exercises/" + exerciseId + "/submissions", alice.accessToken(),
                    Map.of("code", generated.json().path("starterCode").asText())).json();
            assertThat(wrong.path("passed").asBoolean()).isFalse();
            assertThat(wrong.path("attempt").asInt()).isEqualTo(1);
            long graded = System.nanoTime();
            JsonNode right = api.post("/api/v1/exercises/" + exerciseId + "/submissions", alice.accessToken(),
                    Map.of("code", referenceSolution(exerciseId))).json();
            timings.put("grading a right solution", millisSince(graded));
            assertThat(right.path("passed").asBoolean()).as(right.toString()).isTrue();
            assertThat(right.path("score").asDouble()).isEqualTo(1.0);
            JsonNode topic = awaitTopic(alice, "variables", t -> t.path("attempts").asInt() >= 2);
            assertThat(topic.path("correct").asInt()).isEqualTo(1);
            assertThat(topic.path("pKnown").asDouble()).isNotEqualTo(before);
            JsonNode streak = api.get("/api/v1/students/" + alice.id() + "/streak", alice.accessToken()).json();
            assertThat(streak.path("current").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(streak.path("activeToday").asBoolean()).isTrue();

            // 5. The same mistake again and again: the teacher's socket gets a live alert, which they acknowledge.
            long firstFailure = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/api/v1/runs", alice.accessToken(), Map.of("code", BUGGY)).json()
                        .path("exception").path("type").asText()).isEqualTo("NameError");
            }
            JsonNode alert = teacherSocket.await(m -> "alert.created".equals(m.path("type").asText())
                    && alice.id().equals(m.path("payload").path("studentId").asText()), ANSWER).path("payload");
            timings.put("repeated failure to the teacher's live alert", millisSince(firstFailure));
            assertThat(alert.path("teacherId").asText()).isEqualTo(teacher.id());
            assertThat(alert.path("status").asText()).isEqualTo("open");
            String alertId = alert.path("id").asText();
            Api.Reply ack = api.post("/api/v1/teacher/alerts/" + alertId + "/actions", teacher.accessToken(),
                    Map.of("action", "acknowledge", "note", "I'll sit with Alice tomorrow"));
            assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
            assertThat(ack.json().path("status").asText()).isEqualTo("acknowledged");
            teacherSocket.await(m -> "alert.updated".equals(m.path("type").asText())
                    && alertId.equals(m.path("payload").path("id").asText()), ANSWER);
            JsonNode classView = api.get("/api/v1/teacher/class", teacher.accessToken()).json();
            assertThat(classView.toString()).contains(alice.id(), bob.id());

            // 6. Bob sees none of Alice's data: not through the API, not on his socket.
            assertThat(api.get("/api/v1/students/" + alice.id() + "/progress", bob.accessToken()).status())
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/queries/" + question, bob.accessToken()).status()).isIn(403, 404);
            assertThat(api.get("/api/v1/exercises/" + exerciseId, bob.accessToken()).status()).isIn(403, 404);
            assertThat(api.get("/api/v1/teacher/class", bob.accessToken()).status()).isEqualTo(403);
            String bobsQuestion = accepted(api.post("/api/v1/questions", bob.accessToken(),
                    Map.of("question", "What does a while loop do?")));
            bobSocket.await("learning.response", bobsQuestion, ANSWER);
            for (JsonNode m : bobSocket.received()) {
                assertThat(aliceRequests).doesNotContain(m.path("correlationId").asText());
                assertThat(m.toString()).doesNotContain(alice.id());
            }
            assertThat(bobSocket.received()).noneMatch(m -> m.path("type").asText().startsWith("alert."));

            // 7. With the LLM path on (-Dlearnflow.e2e.llm=true: a model that hands out solutions), the agents asked
            // it, and nothing it wrote reached a student: every answer is guarded or fell back to the offline tutor.
            if (LocalMesh.llm().isPresent()) {
                assertThat(LocalMesh.llm().get().requests()).as("requests the agents sent the model").isPositive();
                for (JsonNode m : aliceSocket.received()) {
                    assertThat(m.toString()).doesNotContain(CarelessModel.MARKER);
                }
                for (String id : aliceRequests) {
                    assertThat(awaitAnswered(alice, id).toString()).doesNotContain(CarelessModel.MARKER);
                }
            }
        } finally {
            writeTimings();
        }
    }

    private static String accepted(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        String id = reply.json().path("requestId").asText();
        assertThat(id).isNotBlank();
        return id;
    }

    private JsonNode awaitAnswered(Api.User student, String requestId) throws Exception {
        long deadline = System.nanoTime() + ANSWER.toNanos();
        JsonNode last;
        do {
            last = api.get("/api/v1/queries/" + requestId, student.accessToken()).json();
            if ("answered".equals(last.path("status").asText())) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("query " + requestId + " never answered: " + last);
    }

    private double topicMastery(Api.User student, String topicId) throws Exception {
        JsonNode t = findTopic(api.get("/api/v1/students/" + student.id() + "/progress", student.accessToken())
                .json(), topicId);
        return t == null ? -1 : t.path("pKnown").asDouble();
    }

    /** Mastery is updated asynchronously (progress.events → actor): poll until the topic shows the attempts. */
    private JsonNode awaitTopic(Api.User student, String topicId, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + ANSWER.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Api.Reply r = api.get("/api/v1/students/" + student.id() + "/progress", student.accessToken());
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            last = findTopic(r.json(), topicId);
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("topic " + topicId + " never got there: " + last);
    }

    private static JsonNode findTopic(JsonNode progress, String topicId) {
        for (JsonNode module : progress.path("modules")) {
            for (JsonNode topic : module.path("topics")) {
                if (topicId.equals(topic.path("topicId").asText())) {
                    return topic;
                }
            }
        }
        return null;
    }

    /** The test knows the answer the way a teacher would: the reference solution stored with the exercise. */
    private static String referenceSolution(String exerciseId) throws Exception {
        DbTarget db = LocalMesh.get().db();
        String url = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name();
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
                PreparedStatement s = c.prepareStatement("select reference_solution from exercises where id = ?")) {
            s.setObject(1, UUID.fromString(exerciseId));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("exercise row").isTrue();
                return rs.getString(1);
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private void writeTimings() throws Exception {
        StringBuilder b = new StringBuilder("| step | ms |\n|---|--:|\n");
        timings.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Files.writeString(LocalMesh.artifacts("journey").resolve("timings.md"), b.toString(), StandardCharsets.UTF_8);
        System.out.println(b);
    }
}
