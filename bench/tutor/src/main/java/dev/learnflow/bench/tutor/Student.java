package dev.learnflow.bench.tutor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.learnflow.contracts.json.ContractsJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One registered student talking to the tutor through the public API: posts a request, then waits for its answer
 * on the student's WebSocket ({@code learning.response} messages correlated by request id), falling back to
 * {@code GET /api/v1/queries/{id}} when the socket is down or slow. Logs in again before the access token expires
 * and honours 429s (Retry-After), so the bench also works against a mesh with the default rate limit; 502–504
 * (an overloaded mesh) are tried again too.
 */
final class Student implements AutoCloseable {

    static final ObjectMapper JSON = ContractsJson.newObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";
    /** Access tokens last 15 minutes; a run takes longer. */
    private static final long RELOGIN_AFTER_NANOS = TimeUnit.MINUTES.toNanos(10);

    /** An answer and how long it took from sending the request until it was there (ms); null answer = none. */
    record Outcome(JsonNode answer, double millis, String failure) {
        boolean answered() {
            return answer != null;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String gateway;
    private final String socketUrl;
    private final String email;
    private final Map<String, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private String token;
    private long loggedInAt;
    /** When the last HTTP attempt of {@link #send} started (after any 429 waits). */
    private long lastAttemptStarted;
    private WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    private Student(String gateway, String socketUrl, String email) {
        this.gateway = gateway;
        this.socketUrl = socketUrl;
        this.email = email;
    }

    /** Registers a new student (a fresh e-mail each run) and opens its socket. */
    static Student register(String gateway, String socketUrl, String name) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + UUID.randomUUID().toString()
                .substring(0, 8) + "@bench.learnflow.dev";
        Student s = new Student(gateway, socketUrl, email);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("displayName", name);
        body.put("role", "student");
        body.put("timezone", "Europe/Berlin");
        HttpResponse<String> r = s.send("POST", "/api/v1/auth/register", body, false);
        // a cold or overloaded mesh may answer 5xx at first (e.g. a database read timing out): try a few times
        for (int attempt = 1; r.statusCode() >= 500 && attempt < 6; attempt++) {
            sleep(TimeUnit.SECONDS.toMillis(5L * attempt));
            r = s.send("POST", "/api/v1/auth/register", body, false);
        }
        if (r.statusCode() != 201) {
            throw new IllegalStateException("registration answered " + r.statusCode() + ": " + r.body());
        }
        s.token = tree(r.body()).path("tokens").path("accessToken").asText();
        s.loggedInAt = System.nanoTime();
        s.openSocket();
        return s;
    }

    /**
     * Sends a tutor request ({@code /api/v1/debug} or {@code /api/v1/questions}) and waits up to {@code timeout}
     * for its answer (the {@code payload} of the learning.response, or the stored answer).
     */
    Outcome ask(String path, Object body, Duration timeout) {
        refreshIfOld();
        HttpResponse<String> r = send("POST", path, body, true);
        // the clock starts with the attempt that was accepted (429 waits are not the tutor's time)
        long sent = lastAttemptStarted;
        if (r.statusCode() != 202) {
            return new Outcome(null, 0, "HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        String requestId = tree(r.body()).path("requestId").asText();
        CompletableFuture<JsonNode> viaSocket = answers.computeIfAbsent(requestId, k -> new CompletableFuture<>());
        long deadline = sent + timeout.toNanos();
        // Socket first; from 5 s on also ask the gateway every 2 s (a missed frame must not cost the answer).
        long pollFrom = sent + TimeUnit.SECONDS.toNanos(5);
        try {
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    return new Outcome(null, millis(sent), "no answer within " + timeout.toSeconds() + " s");
                }
                long until = Math.min(deadline, now < pollFrom ? pollFrom : now + TimeUnit.SECONDS.toNanos(2));
                try {
                    return new Outcome(viaSocket.get(Math.max(1, until - now), TimeUnit.NANOSECONDS), millis(sent),
                            null);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() >= pollFrom) {
                        Optional<JsonNode> stored = stored(requestId);
                        if (stored.isPresent()) {
                            return new Outcome(stored.get(), millis(sent), null);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, millis(sent), "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return new Outcome(null, millis(sent), String.valueOf(e.getCause()));
        } finally {
            answers.remove(requestId);
        }
    }

    /** The answer as the gateway keeps it ({@code GET /api/v1/queries/{id}}), once it is no longer pending. */
    private Optional<JsonNode> stored(String requestId) {
        HttpResponse<String> r = send("GET", "/api/v1/queries/" + requestId, null, true);
        if (r.statusCode() != 200) {
            return Optional.empty();
        }
        JsonNode q = tree(r.body());
        String status = q.path("status").asText("").toLowerCase(Locale.ROOT);
        return status.isEmpty() || status.equals("pending") ? Optional.empty() : Optional.of(q);
    }

    private void refreshIfOld() {
        if (System.nanoTime() - loggedInAt < RELOGIN_AFTER_NANOS) {
            return;
        }
        HttpResponse<String> r = send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD),
                false);
        if (r.statusCode() == 200) {
            token = tree(r.body()).path("tokens").path("accessToken").asText(token);
            loggedInAt = System.nanoTime();
            closeSocket();
            openSocket();
        }
    }

    /**
     * One HTTP call; a 429 is waited out (Retry-After, at most 60 s each, 20 times) and sent again, and so is a
     * 502/503/504 (up to 5 times, 2–32 s apart): an overloaded mesh must not score as a wrong answer.
     */
    private HttpResponse<String> send(String method, String path, Object body, boolean authorized) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
            if (authorized) {
                b.header("Authorization", "Bearer " + token);
            }
            try {
                lastAttemptStarted = System.nanoTime();
                if (body == null) {
                    b.GET();
                } else {
                    b.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
                }
                HttpResponse<String> r = http.send(b.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                // 429: rate limited. 502-504: the mesh did not take the request in time (overloaded, a circuit
                // breaker open); the request was not accepted, so sending it again does not ask twice.
                boolean overloaded = r.statusCode() >= 502 && r.statusCode() <= 504;
                if (r.statusCode() != 429 && !overloaded || attempt >= (overloaded ? 5 : 20)) {
                    return r;
                }
                long seconds = r.headers().firstValue("Retry-After").map(Long::parseLong)
                        .orElse(overloaded ? 2L << attempt : 1L);
                Thread.sleep(TimeUnit.SECONDS.toMillis(Math.min(60, Math.max(1, seconds))));
            } catch (IOException e) {
                if (attempt >= 2) {
                    throw new IllegalStateException(method + " " + path + ": " + e, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void openSocket() {
        try {
            socket = http.newWebSocketBuilder().subprotocols("learnflow.v1", "bearer." + token)
                    .connectTimeout(Duration.ofSeconds(20)).buildAsync(URI.create(socketUrl), new Listener())
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // answers are then read from GET /api/v1/queries/{id}
            System.err.println("socket did not open (" + e + "); polling the gateway for answers instead");
            socket = null;
        }
    }

    private void closeSocket() {
        if (socket != null) {
            socket.abort();
            socket = null;
        }
    }

    @Override
    public void close() {
        closeSocket();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode m = tree(partial.toString());
                partial.setLength(0);
                if ("learning.response".equals(m.path("type").asText())) {
                    answers.computeIfAbsent(m.path("correlationId").asText(), k -> new CompletableFuture<>())
                            .complete(m.path("payload"));
                }
            }
            ws.request(1);
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode tree(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static double millis(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e6;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
