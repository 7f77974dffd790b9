package dev.learnflow.progress;

import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.testing.LocalSidecar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Other apps of the mesh, as sidecars without an app, so a test can call the progress service the way triage or
 * concepts would: through their own sidecar, with the repository's Dapr access control applied by ours.
 */
public final class Peers {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Peers() {
    }

    /** The sidecar of {@code appId}, started once for the whole test run. */
    public static synchronized Sidecar sidecar(String appId) {
        Sidecar existing = LocalSidecar.sidecarOf(appId);
        return existing != null ? existing : LocalSidecar.startPeer(appId, -1);
    }

    /** GET {@code path} on the progress app, invoked from {@code appId}'s sidecar. */
    public static HttpResponse<String> getFrom(String appId, String path) {
        Sidecar from = sidecar(appId);
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + from.httpPort() + path))
                    .header("dapr-app-id", "progress").timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
