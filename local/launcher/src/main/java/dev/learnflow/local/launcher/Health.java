package dev.learnflow.local.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP readiness checks of services ({@code /q/health/ready}) and sidecars ({@code /v1.0/healthz}). */
public final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

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
