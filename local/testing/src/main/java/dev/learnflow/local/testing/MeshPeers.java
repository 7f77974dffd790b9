package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.learnflow.local.sidecar.Sidecar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Other apps of the test mesh, each beside its own local sidecar: a subscriber that records what this service
 * publishes, and WireMock stand-ins for the services it calls. Each joins the current mesh once
 * (the mesh is rebuilt when Quarkus restarts for another test profile): the join is decided by asking the
 * current mesh ({@link LocalSidecar#sidecarOf}), never by remembering it here, so it stays right whichever class
 * loader Quarkus gives this class for a profile.
 */
public final class MeshPeers {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, WireMockServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<String, SubscriberApp> SUBSCRIBERS = new ConcurrentHashMap<>();

    private MeshPeers() {
    }

    /**
     * A WireMock app with this app id in the mesh; the caller stubs what it answers. {@code extensions} (e.g. a
     * response transformer that really runs a posted program) are registered when the app is first created.
     */
    public static synchronized WireMockServer peer(String appId, Extension... extensions) {
        WireMockServer server = SERVERS.computeIfAbsent(appId, id -> {
            WireMockServer s = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(extensions));
            s.start();
            return s;
        });
        if (LocalSidecar.sidecarOf(appId) == null) {
            LocalSidecar.startPeer(appId, server.port());
        }
        return server;
    }

    /** A {@link SubscriberApp} on {@code topics}, in the current mesh as {@code appId}. */
    public static synchronized SubscriberApp subscriber(String appId, String... topics) {
        return SUBSCRIBERS.computeIfAbsent(appId, id -> SubscriberApp.create(Map.of(), topics)).joinMesh(appId);
    }

    /** CloudEvents delivered to the subscriber on {@code topic} whose data matches. */
    public static List<JsonNode> received(SubscriberApp subscriber, String topic, Predicate<JsonNode> data) {
        return subscriber.events(topic, event -> data.test(event.path("data")));
    }

    /**
     * The sidecar of {@code appId} in the current mesh; for an app that is not part of the test, a sidecar without
     * an app, so a test can call other apps the way that app would.
     */
    public static synchronized Sidecar sidecar(String appId) {
        Sidecar existing = LocalSidecar.sidecarOf(appId);
        return existing != null ? existing : LocalSidecar.startPeer(appId, -1);
    }

    /**
     * GET {@code path} on {@code targetAppId}, invoked through {@code callerAppId}'s sidecar: the callee's sidecar
     * applies the repository's Dapr access control to the caller, as in production.
     */
    public static HttpResponse<String> get(String callerAppId, String targetAppId, String path) {
        Sidecar from = sidecar(callerAppId);
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + from.httpPort() + path))
                            .header("dapr-app-id", targetAppId).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
