package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;

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
}
