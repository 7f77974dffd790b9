package dev.learnflow.bench.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.learnflow.contracts.json.ContractsJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The bench's HTTP client: java.net.http over HTTP/1.1 (a pooled keep-alive connection per concurrent request,
 * no limit on their number), JSON bodies, and the elapsed time of every call measured around {@code send}.
 */
final class Http {

    static final ObjectMapper JSON = ContractsJson.newObjectMapper();

    /** One call's outcome: status (0 when no answer), body, elapsed microseconds, and the failure, if any. */
    record Reply(int status, String body, long micros, String failure) {
        boolean ok() {
            return failure == null && status / 100 == 2;
        }

        boolean timedOut() {
            return failure != null && failure.startsWith("timeout");
        }

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        /** What went wrong, for error tallies: {@code HTTP 503}, {@code timeout}, {@code IOException}. */
        String errorKind() {
            if (failure != null) {
                return failure.startsWith("timeout") ? "timeout" : failure.replaceFirst(":.*", "");
            }
            return "HTTP " + status;
        }

        @Override
        public String toString() {
            return failure != null ? failure : status + " " + (body == null ? "" : body.length() > 300
                    ? body.substring(0, 300) + "…" : body);
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    Http(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    HttpClient client() {
        return client;
    }

    Reply get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(b::header);
        return send(b.GET().build());
    }

    Reply get(String url, String token) {
        return get(url, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    Reply post(String url, String token, Object body) {
        return post(url, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), "application/json",
                body);
    }

    Reply post(String url, Map<String, String> headers, String contentType, Object body) {
        return send(postRequest(url, headers, contentType, body));
    }

    HttpRequest postRequest(String url, Map<String, String> headers, String contentType, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", contentType);
        headers.forEach(b::header);
        try {
            return b.POST(HttpRequest.BodyPublishers.ofByteArray(body instanceof String s
                    ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Reply send(HttpRequest request) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), micros(t), null);
        } catch (HttpTimeoutException e) {
            return new Reply(0, null, micros(t), "timeout: " + e.getMessage());
        } catch (IOException e) {
            return new Reply(0, null, micros(t), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, micros(t), "interrupted");
        }
    }

    CompletableFuture<Reply> sendAsync(HttpRequest request) {
        long t = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((r, e) -> e == null ? new Reply(r.statusCode(), r.body(), micros(t), null)
                        : new Reply(0, null, micros(t), e.getCause() instanceof HttpTimeoutException
                                ? "timeout" : String.valueOf(e.getCause() != null ? e.getCause() : e)));
    }

    static long micros(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sinceNanos);
    }
}
