package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.json.ContractsJson;
import dev.learnflow.local.testing.GatewayUsers;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The packaged progress service as a real process beside a real local sidecar (embedded Kafka, the machine's
 * PostgreSQL as actor store, a gateway stand-in for the accounts): a student's actor state survives killing and
 * restarting the service, and then restarting its sidecar; recording continues from the saved state each time.
 */
class ProgressRestartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = ContractsJson.newObjectMapper();
    private static final Path APP_LOG = Path.of("target", "progress-restart-it-app.log");

    private static LocalSidecar mesh;
    private static Map<String, String> ports;
    private static Process app;

    @BeforeAll
    static void start() throws Exception {
        new TestDatabase().start();
        mesh = new LocalSidecar();
        mesh.init(Map.of("appId", "progress", "components", "real"));
        ports = mesh.start();
        Files.deleteIfExists(APP_LOG);
        app = launchService();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
        if (mesh != null) {
            mesh.stop();
        }
    }

    @Test
    void actorStateSurvivesRestartsOfTheServiceAndOfItsSidecar() throws Exception {
        UUID student = GatewayUsers.student("Restart student", "Europe/Paris", null);
        Instant t = Instant.now().minusSeconds(60);
        publish(Events.attempt(student, "strings", "ex-1", true, t));
        publish(Events.attempt(student, "strings", "ex-2", true, t.plusSeconds(1)));
        JsonNode topic = awaitAttempts(student, 2);
        assertThat(topic.path("pKnown").asDouble()).isCloseTo(0.925, within(1e-12));

        // Crash the service (SIGKILL: no shutdown hook, no deactivation) and start it again.
        app.destroyForcibly();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        app = launchService();
        topic = strings(progressOf(student));
        assertThat(topic.path("attempts").asInt()).isEqualTo(2);
        assertThat(topic.path("pKnown").asDouble()).isCloseTo(0.925, within(1e-12));
        publish(Events.attempt(student, "strings", "ex-3", true, t.plusSeconds(2)));
        topic = awaitAttempts(student, 3);
        assertThat(topic.path("pKnown").asDouble()).isCloseTo(0.991964285714, within(1e-11));

        // Now the sidecar: stopped and replaced by a new one on the same ports.
        SidecarRestarts.restart("progress", Duration.ofSeconds(90));
        topic = strings(progressOf(student));
        assertThat(topic.path("attempts").asInt()).isEqualTo(3);
        assertThat(SidecarProbe.reminder(student)).isPresent();
        publish(Events.attempt(student, "strings", "ex-4", false, t.plusSeconds(3)));
        topic = awaitAttempts(student, 4);
        assertThat(topic.path("correct").asInt()).isEqualTo(3);
        // 0.991964...: wrong -> P(L|w) = 0.0991964/(0.0991964 + 0.0080357*0.9); then + (1 - that) * 0.1
        double p = 0.991964285714;
        double posterior = p * 0.1 / (p * 0.1 + (1 - p) * 0.9);
        assertThat(topic.path("pKnown").asDouble()).isCloseTo(posterior + (1 - posterior) * 0.1, within(1e-9));
        JsonNode streak = SidecarProbe.streak(student);
        assertThat(streak.path("current").asInt()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ the service process

    private static Process launchService() throws Exception {
        String jar = System.getProperty("progress.app.jar", "target/quarkus-app/quarkus-run.jar");
        assertThat(new File(jar)).as("packaged service (run through mvn verify)").exists();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + ports.get("quarkus.http.test-port"),
                "-Ddapr.http.port=" + ports.get("dapr.http.port"),
                "-Ddapr.grpc.port=" + ports.get("dapr.grpc.port"),
                "-Dlearnflow.sidecar-trust.allow-without-token=true", // its test sidecar sends no app token
                "-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(APP_LOG.toFile()));
        pb.environment().put("LEARNFLOW_DB_NAME", TestDatabase.NAME);
        Process p = pb.start();
        await("progress service ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!p.isAlive()) {
                        throw new AssertionError("the service exited; see " + APP_LOG.toAbsolutePath());
                    }
                    return status(appUrl("/q/health/ready")) == 200;
                });
        return p;
    }

    private static String appUrl(String path) {
        return "http://127.0.0.1:" + ports.get("quarkus.http.test-port") + path;
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ------------------------------------------------------------------ events and reads

    private static void publish(CloudEvent<?> event) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + ports.get("dapr.http.port") + "/v1.0/publish/" + EventTopic.PUBSUB_NAME + "/"
                                + EventTopic.PROGRESS_EVENTS.topic()))
                        .header("Content-Type", CloudEvent.MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(ContractsJson.write(event))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    private static JsonNode progressOf(UUID student) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(appUrl("/internal/students/" + student
                                + "/progress")))
                        .header("x-learnflow-user", student.toString()).header("x-learnflow-roles", "student")
                        .timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode strings(JsonNode progress) {
        for (JsonNode t : progress.path("modules").get(0).path("topics")) {
            if (t.path("topicId").asText().equals("strings")) {
                return t;
            }
        }
        throw new AssertionError("no topic 'strings' in " + progress);
    }

    private static JsonNode awaitAttempts(UUID student, int attempts) {
        await("attempt " + attempts + " recorded").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> strings(progressOf(student)).path("attempts").asInt() >= attempts);
        try {
            JsonNode topic = strings(progressOf(student));
            assertThat(topic.path("attempts").asInt()).isEqualTo(attempts);
            return topic;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
