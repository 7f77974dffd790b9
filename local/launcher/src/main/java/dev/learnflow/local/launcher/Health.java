package dev.learnflow.local.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP readiness checks of services ({@code /q/health/ready}) and sidecars ({@code /v1.0/healthz}). */
public final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Health() {
    }

    /** True if {@code GET http://127.0.0.1:port/q/health/ready} answers 200. */
    public static boolean serviceReady(int port) {
        return status("http://127.0.0.1:" + port + "/q/health/ready") == 200;
    }

    /** True if the sidecar's {@code GET /v1.0/healthz} answers 2xx. */
    public static boolean sidecarHealthy(int httpPort) {
        int s = status("http://127.0.0.1:" + httpPort + "/v1.0/healthz");
        return s >= 200 && s < 300;
    }

    /**
     * Why a service is not ready, in one line: the DOWN checks of {@code /q/health/ready} with their data (e.g.
     * {@code sandbox: detail=bwrap: not found}), "not answering yet" when nothing listens, or "ready".
     */
    public static String readinessDetail(int port) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            return summarize(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not answering yet";
        } catch (Exception e) {
            return "not answering yet";
        }
    }

    /** One line from a MicroProfile Health answer: the DOWN checks and their data. */
    static String summarize(int status, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return "HTTP " + status;
        }
        if (status == 200 && "UP".equals(root.path("status").asText())) {
            return "ready";
        }
        List<String> down = new ArrayList<>();
        for (JsonNode check : root.path("checks")) {
            if ("UP".equals(check.path("status").asText())) {
                continue;
            }
            StringBuilder sb = new StringBuilder(check.path("name").asText("?"));
            List<String> data = new ArrayList<>();
            check.path("data").fields().forEachRemaining(f -> data.add(f.getKey() + "=" + f.getValue().asText()));
            if (!data.isEmpty()) {
                sb.append(": ").append(String.join(", ", data));
            }
            down.add(sb.toString());
        }
        return down.isEmpty() ? "HTTP " + status + " " + root.path("status").asText("")
                : "DOWN " + String.join("; ", down);
    }

    /** HTTP status of a GET, or -1 if nothing answered. */
    public static int status(String url) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    static HttpClient client() {
        return HTTP;
    }
}
