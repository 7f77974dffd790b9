package dev.learnflow.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.learnflow.local.testing.LocalSidecar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Other apps of the test mesh, played by WireMock servers beside their own local sidecars: a subscriber that
 * records what this service publishes, and stand-ins for the services it calls. Each joins the current mesh once
 * (the mesh is rebuilt when Quarkus restarts for another test profile).
 */
final class MeshPeers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, WireMockServer> SERVERS = new ConcurrentHashMap<>();

    private MeshPeers() {
    }

    /** A WireMock app with this app id in the mesh; the caller stubs what it answers. */
    static synchronized WireMockServer peer(String appId) {
        WireMockServer server = SERVERS.computeIfAbsent(appId, id -> {
            // Stubs may opt in to really running the posted program (PythonSandbox); others answer as stubbed.
            WireMockServer s = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(new PythonSandbox()));
            s.start();
            return s;
        });
        if (LocalSidecar.sidecarOf(appId) == null) {
            LocalSidecar.startPeer(appId, server.port());
        }
        return server;
    }

    /** An app subscribed to {@code topics}; its sidecar delivers to it and it answers SUCCESS. */
    static synchronized WireMockServer subscriber(String appId, String... topics) {
        WireMockServer server = SERVERS.computeIfAbsent(appId, id -> {
            WireMockServer s = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            s.start();
            List<Map<String, String>> subscriptions = new ArrayList<>();
            for (String topic : topics) {
                subscriptions.add(Map.of("pubsubname", "kafka-pubsub", "topic", topic,
                        "route", "/dapr/events/" + topic));
            }
            try {
                s.stubFor(get(urlPathEqualTo("/dapr/subscribe")).willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsString(subscriptions))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            s.stubFor(post(urlPathMatching("/dapr/events/.*")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody("{\"status\":\"SUCCESS\"}")));
            return s;
        });
        if (LocalSidecar.sidecarOf(appId) == null) {
            try {
                LocalSidecar.startPeer(appId, server.port()).appReady().get();
            } catch (Exception e) {
                throw new IllegalStateException("subscriber " + appId + " did not start", e);
            }
        }
        return server;
    }

    /** CloudEvents delivered to the subscriber on {@code topic} whose data matches. */
    static List<JsonNode> received(WireMockServer subscriber, String topic, Predicate<JsonNode> data) {
        List<JsonNode> events = new ArrayList<>();
        for (LoggedRequest request : subscriber.findAll(postRequestedFor(urlPathEqualTo("/dapr/events/" + topic)))) {
            try {
                JsonNode event = JSON.readTree(request.getBodyAsString());
                if (data.test(event.path("data"))) {
                    events.add(event);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }
}
