package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.local.testing.LocalSidecar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Looks at a StudentActor from outside through the progress sidecar's Dapr HTTP API, without calling the actor
 * (a call would itself close streak days): its persisted state and its reminder.
 */
public final class SidecarProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SidecarProbe() {
    }

    private static String base(UUID student) {
        return "http://127.0.0.1:" + LocalSidecar.sidecarOf("progress").httpPort()
                + "/v1.0/actors/StudentActor/" + student;
    }

    /** The actor's saved state (key "student"), if any. */
    public static Optional<JsonNode> state(UUID student) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base(student) + "/state/student")).GET());
        if (r.statusCode() == 204 || r.body().isBlank()) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("actor state: " + r.statusCode() + " " + r.body());
        }
        return Optional.of(read(r.body()));
    }

    public static JsonNode streak(UUID student) {
        return state(student).orElseThrow(() -> new AssertionError("no actor state for " + student)).path("streak");
    }

    /** The midnight reminder as the sidecar holds it: dueTime, period, data. */
    public static Optional<JsonNode> reminder(UUID student) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base(student) + "/reminders/day-close")).GET());
        return r.statusCode() == 200 && !r.body().isBlank() ? Optional.of(read(r.body())) : Optional.empty();
    }

    /**
     * The sidecar schedules reminders on wall time, which a test cannot move; this makes the armed reminder due
     * now (same data and period), as if the wall clock had reached the time the actor asked for.
     */
    public static void fireReminderNow(UUID student) {
        JsonNode armed = reminder(student).orElseThrow(() -> new AssertionError("no reminder armed for " + student));
        ObjectNode body = JSON.createObjectNode();
        body.put("dueTime", "0s");
        body.put("period", armed.path("period").asText(""));
        body.set("data", armed.get("data"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base(student) + "/reminders/day-close"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("re-arming the reminder: " + r.statusCode() + " " + r.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
