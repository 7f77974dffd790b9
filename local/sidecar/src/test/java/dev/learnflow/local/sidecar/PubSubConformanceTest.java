package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.sidecar.support.Clients;
import dev.learnflow.local.sidecar.support.Fixtures;
import dev.learnflow.local.sidecar.support.SidecarScope;
import dev.learnflow.local.sidecar.support.TestApp;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pub/sub conformance with the Dapr Java SDK as publisher and a test app as subscriber, over pubsub.in-memory and
 * pubsub.kafka (embedded broker): the CloudEvent envelope daprd delivers, the reply statuses (SUCCESS / empty,
 * RETRY, DROP, 404, other errors), dead-letter topics, ordering, and redelivery after a sidecar restart.
 */
class PubSubConformanceTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    private final SidecarScope scope = new SidecarScope();

    @AfterEach
    void tearDown() throws Exception {
        scope.close();
    }

    private Path components(String transport) throws Exception {
        return Fixtures.pubsubComponents(transport);
    }

    private Sidecar sidecar(String appId, TestApp app, Path components) throws Exception {
        return scope.pubsubSidecar(appId, app, components);
    }

    private TestApp app() throws Exception {
        return scope.app();
    }

    /** A fresh topic, an app subscribed to it at /events/in that accepts every event, and a publisher's sidecar. */
    private record Delivery(String topic, TestApp subscriber, Sidecar publisher) {
        List<TestApp.Request> received() {
            return subscriber.requests("/events/in");
        }
    }

    private Delivery acceptingSubscriber(String transport, String topicName) throws Exception {
        Path comps = components(transport);
        String t = topic(topicName);
        TestApp subApp = subscriber(t, "/events/in", r -> TestApp.Response.empty(200));
        sidecar("subscriber", subApp, comps);
        return new Delivery(t, subApp, sidecar("publisher", null, comps));
    }

    /** An app that subscribes to {@code topic} at {@code route} and answers each delivery with {@code handler}. */
    private TestApp subscriber(String topic, String route, TestApp.Handler handler) throws Exception {
        return app().route("/dapr/subscribe", r -> TestApp.Response.json(200, subscriptions(topic, route, null)))
                .route(route, handler);
    }

    private DaprClient client(Sidecar s) {
        return scope.client(s);
    }

    private static String subscriptions(String... topicRouteDlq) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i + 2 < topicRouteDlq.length + 1; i += 3) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"pubsubname\":\"pubsub\",\"topic\":\"").append(topicRouteDlq[i]).append("\",\"route\":\"")
                    .append(topicRouteDlq[i + 1]).append('"');
            if (topicRouteDlq[i + 2] != null) {
                sb.append(",\"deadLetterTopic\":\"").append(topicRouteDlq[i + 2]).append('"');
            }
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private static JsonNode json(TestApp.Request r) {
        return Json.parse(r.body());
    }

    private static String topic(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "kafka"})
    void bulkPublishOverHttpAndGrpcDeliversEveryEntryAsACloudEvent(String transport) throws Exception {
        Delivery delivery = acceptingSubscriber(transport, "bulk");

        HttpResponse<String> http = Clients.http(delivery.publisher(), "POST",
                "/v1.0-alpha1/publish/bulk/pubsub/" + delivery.topic(),
                "[{\"entryId\":\"1\",\"event\":{\"n\":1},\"contentType\":\"application/json\"},"
                        + "{\"entryId\":\"2\",\"event\":\"plain\",\"contentType\":\"text/plain\"}]",
                "Content-Type", "application/json");
        assertThat(http.statusCode()).isEqualTo(204);
        io.grpc.ManagedChannel channel = Clients.grpc(delivery.publisher());
        try {
            var response = io.dapr.v1.DaprGrpc.newBlockingStub(channel).bulkPublishEventAlpha1(
                    io.dapr.v1.DaprProtos.BulkPublishRequest.newBuilder().setPubsubName("pubsub")
                            .setTopic(delivery.topic())
                            .addEntries(io.dapr.v1.DaprProtos.BulkPublishRequestEntry.newBuilder().setEntryId("3")
                                    .setEvent(com.google.protobuf.ByteString.copyFromUtf8("{\"n\":3}"))
                                    .setContentType("application/json"))
                            .build());
            assertThat(response.getFailedEntriesList()).isEmpty();
        } finally {
            channel.shutdownNow();
        }
        Fixtures.await("3 deliveries", Duration.ofSeconds(30), () -> delivery.received().size() >= 3);
        List<JsonNode> events = delivery.received().stream().map(PubSubConformanceTest::json).toList();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("specversion").asText()).isEqualTo("1.0");
            assertThat(e.path("topic").asText()).isEqualTo(delivery.topic());
            assertThat(e.path("source").asText()).isEqualTo("publisher");
        });
        assertThat(events).extracting(e -> e.path("data").toString())
                .containsExactlyInAnyOrder("{\"n\":1}", "\"plain\"", "{\"n\":3}");

        // Entry ids are required and unique, as in daprd.
        HttpResponse<String> duplicate = Clients.http(delivery.publisher(), "POST",
                "/v1.0-alpha1/publish/bulk/pubsub/" + delivery.topic(),
                "[{\"entryId\":\"1\",\"event\":1},{\"entryId\":\"1\",\"event\":2}]");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(Json.parse(duplicate.body().getBytes()).path("errorCode").asText()).isEqualTo("ERR_PUBSUB_EVENTS_SER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "kafka"})
    void deliversDaprdCloudEventEnvelopeInOrder(String transport) throws Exception {
        Delivery delivery = acceptingSubscriber(transport, "envelope");
        DaprClient client = client(delivery.publisher());

        client.publishEvent("pubsub", delivery.topic(), Map.of("hello", "world")).block();
        for (int i = 0; i < 20; i++) {
            client.publishEvent("pubsub", delivery.topic(), Map.of("seq", i)).block();
        }
        Fixtures.await("21 deliveries", Duration.ofSeconds(30), () -> delivery.received().size() >= 21);

        TestApp.Request first = delivery.received().get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.header("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(first.header("traceparent")).matches(TRACEPARENT);
        JsonNode ce = json(first);
        assertThat(ce.path("id").asText()).isNotBlank();
        assertThat(ce.path("source").asText()).isEqualTo("publisher");
        assertThat(ce.path("type").asText()).isEqualTo("com.dapr.event.sent");
        assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
        assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(ce.path("topic").asText()).isEqualTo(delivery.topic());
        assertThat(ce.path("pubsubname").asText()).isEqualTo("pubsub");
        assertThat(ce.path("traceparent").asText()).matches(TRACEPARENT);
        assertThat(ce.path("traceid").asText()).isEqualTo(ce.path("traceparent").asText());
        assertThat(ce.has("tracestate")).isTrue();
        assertThat(ce.path("time").asText()).isNotBlank();
        assertThat(ce.path("data").path("hello").asText()).isEqualTo("world");
        // Same trace on the delivery hop, new span.
        assertThat(first.header("traceparent").substring(3, 35)).isEqualTo(ce.path("traceparent").asText().substring(3, 35));

        List<Integer> seq = delivery.received().stream().skip(1).map(r -> json(r).path("data").path("seq").asInt())
                .toList();
        assertThat(seq).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());

        // A publisher's own CloudEvent (application/cloudevents+json) keeps id, source, type and data.
        Map<String, Object> own = Map.of("id", "evt-42", "source", "triage", "type", "dev.learnflow.test.v1",
                "specversion", "1.0", "datacontenttype", "application/json", "data", Map.of("q", "why?"));
        client.publishEvent(new PublishEventRequest("pubsub", delivery.topic(), own)
                .setContentType("application/cloudevents+json")).block();
        Fixtures.await("own envelope", Duration.ofSeconds(60), () -> delivery.received().size() >= 22);
        JsonNode mine = json(delivery.received().get(21));
        assertThat(mine.path("id").asText()).isEqualTo("evt-42");
        assertThat(mine.path("source").asText()).isEqualTo("triage");
        assertThat(mine.path("type").asText()).isEqualTo("dev.learnflow.test.v1");
        assertThat(mine.path("data").path("q").asText()).isEqualTo("why?");
        assertThat(mine.path("topic").asText()).isEqualTo(delivery.topic());
        assertThat(mine.path("pubsubname").asText()).isEqualTo("pubsub");
        assertThat(mine.path("traceparent").asText()).matches(TRACEPARENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "kafka"})
    void retryRedeliversDropDeadLettersAnd404Drops(String transport) throws Exception {
        Path comps = components(transport);
        String retry = topic("retry");
        String drop = topic("drop");
        String gone = topic("gone");
        String failing = topic("failing");
        AtomicInteger retryCalls = new AtomicInteger();
        TestApp subApp = app()
                .route("/dapr/subscribe", r -> TestApp.Response.json(200, subscriptions(
                        retry, "/retry", null,
                        drop, "/drop", drop + ".dlq",
                        gone, "/gone", gone + ".dlq",
                        failing, "/failing", failing + ".dlq",
                        drop + ".dlq", "/dlq", null,
                        gone + ".dlq", "/dlq", null,
                        failing + ".dlq", "/dlq", null)))
                // RETRY twice, then SUCCESS: the same event three times.
                .route("/retry", r -> retryCalls.incrementAndGet() <= 2
                        ? TestApp.Response.json(200, "{\"status\":\"RETRY\"}")
                        : TestApp.Response.json(200, "{\"status\":\"SUCCESS\"}"))
                .route("/drop", r -> TestApp.Response.json(200, "{\"status\":\"DROP\"}"))
                .route("/gone", r -> TestApp.Response.text(404, "no such handler"))
                .route("/failing", r -> TestApp.Response.text(503, "down"))
                .route("/dlq", r -> TestApp.Response.empty(200));
        sidecar("subscriber", subApp, comps);
        DaprClient client = client(sidecar("publisher", null, comps));

        client.publishEvent("pubsub", retry, "r1").block();
        Fixtures.await("3 attempts", Duration.ofSeconds(60), () -> subApp.requests("/retry").size() >= 3);
        List<String> ids = subApp.requests("/retry").stream().map(r -> json(r).path("id").asText()).distinct().toList();
        assertThat(ids).hasSize(1);

        client.publishEvent("pubsub", drop, "d1").block();
        Fixtures.await("dead letter of DROP", Duration.ofSeconds(60), () -> subApp.requests("/dlq").size() >= 1);
        JsonNode dead = json(subApp.requests("/dlq").get(0));
        assertThat(dead.path("id").asText()).isEqualTo(json(subApp.requests("/drop").get(0)).path("id").asText());
        assertThat(dead.path("data").asText()).isEqualTo("d1");
        assertThat(subApp.requests("/drop")).hasSize(1);

        // 404: dropped once, not retried, not dead-lettered (daprd treats it as non-retriable and acknowledges).
        client.publishEvent("pubsub", gone, "g1").block();
        client.publishEvent("pubsub", gone, "g2").block();
        Fixtures.await("both 404s", Duration.ofSeconds(60), () -> subApp.requests("/gone").size() >= 2);

        // Any other error status is retried; after the retries (2 here) the event goes to the dead-letter topic.
        client.publishEvent("pubsub", failing, "f1").block();
        Fixtures.await("dead letter after retries", Duration.ofSeconds(60), () -> subApp.requests("/dlq").size() >= 2);
        assertThat(subApp.requests("/failing")).hasSize(3);
        Thread.sleep(300);
        assertThat(subApp.requests("/gone")).hasSize(2);
        assertThat(subApp.requests("/dlq")).hasSize(2);
        assertThat(retryCalls.get()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "kafka"})
    void deliveryWaitsForAnAppThatIsDownInsteadOfDeadLettering(String transport) throws Exception {
        Path comps = components(transport);
        String t = topic("crash");
        String subscriptions = subscriptions(t, "/in", t + ".dlq", t + ".dlq", "/dlq", null);
        TestApp first = app().route("/dapr/subscribe", r -> TestApp.Response.json(200, subscriptions))
                .route("/in", r -> TestApp.Response.empty(204)).route("/dlq", r -> TestApp.Response.empty(204));
        int port = first.port();
        sidecar("subscriber", first, comps);
        DaprClient client = client(sidecar("publisher", null, comps));
        client.publishEvent("pubsub", t, "before").block();
        Fixtures.await("delivered while up", Duration.ofSeconds(60), () -> first.requests("/in").size() == 1);

        first.close(); // the app crashes; its sidecar stays
        // Let the test server finish closing its connections (a killed process's sockets close at once; the JDK
        // server here may still accept on an old keep-alive connection for a moment and never answer).
        Thread.sleep(500);
        client.publishEvent("pubsub", t, "while down").block();
        Thread.sleep(1_500); // far more than the 2 retries (50–200 ms) an erroring app would get
        TestApp second = new TestApp(port).route("/dapr/subscribe", r -> TestApp.Response.json(200, subscriptions))
                .route("/in", r -> TestApp.Response.empty(204)).route("/dlq", r -> TestApp.Response.empty(204));
        scope.add(second);
        // At least once: a delivery whose answer was lost when the app went may come again, before this one.
        Fixtures.await("delivered once the app is back", Duration.ofSeconds(60),
                () -> second.requests("/in").stream().anyMatch(r -> json(r).path("data").asText().equals("while down")));
        assertThat(first.requests("/dlq")).isEmpty();
        assertThat(second.requests("/dlq")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "kafka"})
    void undecidedEventsAreRedeliveredAfterSidecarRestart(String transport) throws Exception {
        Path comps = components(transport);
        String t = topic("restart");
        AtomicInteger mode = new AtomicInteger(); // 0 = RETRY everything, 1 = SUCCESS
        TestApp subApp = subscriber(t, "/in", r -> mode.get() == 0
                ? TestApp.Response.json(200, "{\"status\":\"RETRY\"}") : TestApp.Response.empty(204));
        Sidecar sub = sidecar("subscriber", subApp, comps);
        DaprClient client = client(sidecar("publisher", null, comps));

        client.publishEvent("pubsub", t, "first").block();
        Fixtures.await("first attempts", Duration.ofSeconds(60), () -> subApp.requests("/in").size() >= 2);
        sub.stop();
        int seen = subApp.requests("/in").size();
        // Published while the subscriber's sidecar is down.
        client.publishEvent("pubsub", t, "second").block();
        Thread.sleep(200);
        assertThat(subApp.requests("/in")).hasSize(seen);

        mode.set(1);
        sidecar("subscriber", subApp, comps);
        Fixtures.await("redelivery after restart", Duration.ofSeconds(30),
                () -> subApp.requests("/in").stream().skip(seen).anyMatch(r -> json(r).path("data").asText().equals("second")));
        List<String> after = subApp.requests("/in").stream().skip(seen).map(r -> json(r).path("data").asText()).toList();
        assertThat(after).containsSubsequence("first", "second");
    }

    /**
     * As daprd's Kafka component (one consumer goroutine per claimed partition): partitions are delivered
     * concurrently — a delivery that hangs on one partition does not hold up the others — while the events of one
     * key (one partition) arrive strictly in publishing order, one at a time.
     */
    @Test
    void kafkaDeliversPartitionsConcurrentlyAndEachKeyInOrder() throws Exception {
        Path comps = components("kafka");
        String t = topic("partitions");
        Fixtures.kafka().createTopics(List.of(t), 4);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Map<String, AtomicInteger> inFlightByKey = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger overlapsWithinKey = new AtomicInteger();
        TestApp subApp = subscriber(t, "/in", r -> {
            JsonNode data = json(r).path("data");
            String key = data.path("key").asText();
            if (inFlightByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlapsWithinKey.incrementAndGet();
            }
            try {
                if (key.equals("stuck")) {
                    release.await(); // holds its partition until the others have been delivered
                }
            } finally {
                inFlightByKey.get(key).decrementAndGet();
            }
            return TestApp.Response.empty(204);
        });
        sidecar("subscriber", subApp, comps);
        DaprClient client = client(sidecar("publisher", null, comps));

        List<String> keys;
        try {
            client.publishEvent(new PublishEventRequest("pubsub", t, Map.of("key", "stuck", "seq", 0))
                    .setMetadata(Map.of("partitionKey", "stuck"))).block();
            Fixtures.await("the stuck event is being delivered", Duration.ofSeconds(60),
                    () -> subApp.requests("/in").size() == 1);
            // Keys on the other partitions than "stuck"'s: their events must all arrive while it hangs.
            int stuckPartition = partitionOf("stuck", 4);
            keys = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "student-" + i)
                    .filter(k -> partitionOf(k, 4) != stuckPartition).limit(12).toList();
            for (int seq = 1; seq <= 10; seq++) {
                for (String key : keys) {
                    client.publishEvent(new PublishEventRequest("pubsub", t, Map.of("key", key, "seq", seq))
                            .setMetadata(Map.of("partitionKey", key))).block();
                }
            }
            Fixtures.await("the other partitions delivered while one hangs", Duration.ofSeconds(60),
                    () -> subApp.requests("/in").size() == 1 + keys.size() * 10);
        } finally {
            release.countDown();
        }

        Map<String, List<Integer>> seqByKey = new LinkedHashMap<>();
        subApp.requests("/in").forEach(r -> seqByKey.computeIfAbsent(json(r).path("data").path("key").asText(),
                k -> new java.util.ArrayList<>()).add(json(r).path("data").path("seq").asInt()));
        List<Integer> oneToTen = java.util.stream.IntStream.rangeClosed(1, 10).boxed().toList();
        keys.forEach(k -> assertThat(seqByKey.get(k)).as("events of " + k).containsExactlyElementsOf(oneToTen));
        assertThat(overlapsWithinKey.get()).as("deliveries of one key overlapping").isZero();
    }

    /** Kafka's default partitioner for a string key (murmur2 of the UTF-8 bytes, positive, modulo the count). */
    private static int partitionOf(String key, int partitions) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }

    @Test
    void routesRulesAndDefaultOfTheV2SubscriptionShape() throws Exception {
        Path comps = components("in-memory");
        String t = topic("routed");
        TestApp subApp = app()
                .route("/dapr/subscribe", r -> TestApp.Response.json(200, "[{\"pubsubname\":\"pubsub\",\"topic\":\"" + t
                        + "\",\"routes\":{\"rules\":[{\"match\":\"event.type == \\\"special\\\"\",\"path\":\"/special\"}],"
                        + "\"default\":\"/plain\"}}]"))
                .route("/special", r -> TestApp.Response.empty(200))
                .route("/plain", r -> TestApp.Response.empty(200));
        sidecar("subscriber", subApp, comps);
        DaprClient client = client(sidecar("publisher", null, comps));
        client.publishEvent(new PublishEventRequest("pubsub", t, Map.of("id", "s1", "source", "x", "type", "special",
                "specversion", "1.0", "data", "s")).setContentType("application/cloudevents+json")).block();
        client.publishEvent("pubsub", t, "p").block();
        Fixtures.await("both routes", Duration.ofSeconds(10),
                () -> subApp.requests("/special").size() == 1 && subApp.requests("/plain").size() == 1);
        assertThat(json(subApp.requests("/special").get(0)).path("id").asText()).isEqualTo("s1");
    }
}
