package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.local.sidecar.support.Fixtures;
import dev.learnflow.local.sidecar.support.SidecarScope;
import dev.learnflow.local.sidecar.support.TestApp;
import io.dapr.client.DaprClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * daprd 1.16's bulk subscribe over HTTP (a subscription with {@code bulkSubscribe.enabled}), over pubsub.in-memory
 * and pubsub.kafka: the envelope ({@code entries[{entryId, event, metadata, contentType}]}), the per-entry statuses
 * of the answer ({@code statuses[{entryId, status}]}: SUCCESS, RETRY, DROP, left out), retries that carry only the
 * failing entries, dead-lettering, the component's redelivery of a whole batch when there is no dead-letter topic,
 * batch sizes and order.
 */
class BulkSubscribeConformanceTest {

    private final SidecarScope scope = new SidecarScope();
    private final Map<Sidecar, DaprClient> clients = new ConcurrentHashMap<>();
    /** A maxAwaitDuration no test waits for: batches are cut by count only, so their content is certain. */
    private static final int NEVER = 600_000;

    @AfterEach
    void tearDown() throws Exception {
        scope.close();
    }

    private static String topic(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A bulk subscription (and, with a dead-letter topic, a plain one to it at /dlq). */
    private static String subscriptions(String topic, String route, String deadLetterTopic, int maxMessages,
                                        int maxAwaitMs) {
        ObjectNode bulk = Json.object();
        bulk.put("pubsubname", "pubsub").put("topic", topic).put("route", route);
        if (deadLetterTopic != null) {
            bulk.put("deadLetterTopic", deadLetterTopic);
        }
        bulk.putObject("bulkSubscribe").put("enabled", true).put("maxMessagesCount", maxMessages)
                .put("maxAwaitDurationMs", maxAwaitMs);
        ArrayNode all = Json.MAPPER.createArrayNode().add(bulk);
        if (deadLetterTopic != null) {
            all.addObject().put("pubsubname", "pubsub").put("topic", deadLetterTopic).put("route", "/dlq");
        }
        return all.toString();
    }

    /** Answers each entry with what {@code statusOf} says for its event's data (null = leave the entry out). */
    private static TestApp.Response answer(TestApp.Request request, Function<String, String> statusOf) {
        ObjectNode reply = Json.object();
        ArrayNode statuses = reply.putArray("statuses");
        for (JsonNode entry : Json.parse(request.body()).path("entries")) {
            String status = statusOf.apply(entry.path("event").path("data").asText());
            if (status != null) {
                statuses.addObject().put("entryId", entry.path("entryId").asText()).put("status", status);
            }
        }
        return TestApp.Response.json(200, reply.toString());
    }

    /** The data of every entry of every bulk request to {@code route}, one list per request. */
    private static List<List<String>> batches(TestApp app, String route) {
        return app.requests(route).stream().map(r -> {
            List<String> data = new ArrayList<>();
            Json.parse(r.body()).path("entries").forEach(e -> data.add(e.path("event").path("data").asText()));
            return data;
        }).toList();
    }

    private static List<String> flat(List<List<String>> batches) {
        return batches.stream().flatMap(List::stream).toList();
    }

    /**
     * Publishes the strings one after the other (in this order). The tests size their batches (maxMessagesCount =
     * the number of events, maxAwaitDuration {@link #NEVER}) so that what they publish together is one batch.
     */
    private void publish(Sidecar publisher, String topic, String... data) {
        DaprClient client = clients.computeIfAbsent(publisher, scope::client);
        for (String d : data) {
            client.publishEvent("pubsub", topic, d).block();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "kafka"})
    void eachEntrysStatusIsHonouredAndOnlyFailingEntriesAreSentAgain(String transport) throws Exception {
        Path comps = Fixtures.pubsubComponents(transport);
        String t = topic("bulk");
        Set<String> seen = ConcurrentHashMap.newKeySet();
        TestApp app = scope.app()
                .route("/dapr/subscribe", r -> TestApp.Response.json(200, subscriptions(t, "/bulk", t + ".dlq", 7, NEVER)))
                .route("/bulk", r -> answer(r, data -> {
                    boolean first = seen.add(data);
                    if (data.startsWith("retry")) {
                        return first ? "RETRY" : "SUCCESS";
                    }
                    if (data.startsWith("left-out")) {
                        return first ? null : "SUCCESS"; // no status: daprd retries the entry
                    }
                    if (data.startsWith("unknown")) {
                        return first ? "success" : "SUCCESS"; // statuses are case-sensitive in a bulk answer
                    }
                    return data.startsWith("drop") ? "DROP" : "SUCCESS";
                }))
                .route("/dlq", r -> TestApp.Response.empty(204));
        scope.pubsubSidecar("subscriber", app, comps);
        Sidecar publisher = scope.pubsubSidecar("publisher", null, comps);

        publish(publisher, t, "ok-1", "retry-1", "ok-2", "drop-1", "left-out-1", "unknown-1", "ok-3");
        Fixtures.await("every entry decided", Duration.ofSeconds(60),
                () -> flat(batches(app, "/bulk")).size() >= 10 && app.requests("/dlq").size() >= 1);

        TestApp.Request first = app.requests("/bulk").get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.header("Content-Type")).startsWith("application/json");
        JsonNode envelope = Json.parse(first.body());
        assertThat(envelope.path("id").asText()).isNotBlank();
        assertThat(envelope.path("type").asText()).isEqualTo("com.dapr.event.sent.bulk");
        assertThat(envelope.path("topic").asText()).isEqualTo(t);
        assertThat(envelope.path("pubsubname").asText()).isEqualTo("pubsub");
        assertThat(envelope.path("metadata").path("pubsubName").asText()).isEqualTo("pubsub");
        JsonNode entry = envelope.path("entries").get(0);
        assertThat(entry.path("entryId").asText()).isNotBlank();
        assertThat(entry.path("contentType").asText()).isEqualTo("application/cloudevents+json");
        assertThat(entry.path("metadata").isObject()).isTrue();
        JsonNode event = entry.path("event");
        assertThat(event.isObject()).as("the event is the CloudEvent itself, not a string").isTrue();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("publisher");
        assertThat(event.path("topic").asText()).isEqualTo(t);
        List<String> ids = new ArrayList<>();
        envelope.path("entries").forEach(e -> ids.add(e.path("entryId").asText()));
        assertThat(ids).doesNotHaveDuplicates();

        List<String> delivered = flat(batches(app, "/bulk"));
        // SUCCESS and DROP once; RETRY, a left-out entry and an unknown status once more, and only those again.
        assertThat(delivered).filteredOn(d -> d.startsWith("ok")).containsExactlyInAnyOrder("ok-1", "ok-2", "ok-3");
        assertThat(delivered).filteredOn(d -> d.equals("drop-1")).hasSize(1);
        assertThat(delivered).filteredOn(d -> d.equals("retry-1")).hasSize(2);
        assertThat(delivered).filteredOn(d -> d.equals("left-out-1")).hasSize(2);
        assertThat(delivered).filteredOn(d -> d.equals("unknown-1")).hasSize(2);
        List<List<String>> withRetry = batches(app, "/bulk").stream().filter(b -> b.contains("retry-1")).toList();
        assertThat(withRetry).hasSize(2);
        assertThat(withRetry.get(1)).as("the retry carries only the failing entries")
                .allMatch(d -> d.startsWith("retry") || d.startsWith("left-out") || d.startsWith("unknown"));

        // DROP: to the dead-letter topic, the original event unchanged; nothing else goes there.
        Thread.sleep(300);
        assertThat(app.requests("/dlq")).hasSize(1);
        JsonNode dead = Json.parse(app.requests("/dlq").get(0).body());
        assertThat(dead.path("data").asText()).isEqualTo("drop-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "kafka"})
    void entriesStillFailingWhenTheRetriesRunOutGoToTheDeadLetterTopic(String transport) throws Exception {
        Path comps = Fixtures.pubsubComponents(transport);
        String t = topic("bulk-dlq");
        TestApp app = scope.app()
                .route("/dapr/subscribe", r -> TestApp.Response.json(200, subscriptions(t, "/bulk", t + ".dlq", 3, NEVER)))
                .route("/bulk", r -> answer(r, data -> data.startsWith("bad") ? "RETRY" : "SUCCESS"))
                .route("/dlq", r -> TestApp.Response.empty(204));
        scope.pubsubSidecar("subscriber", app, comps);
        publish(scope.pubsubSidecar("publisher", null, comps), t, "good-1", "bad-1", "good-2");

        Fixtures.await("the failing entry dead-lettered", Duration.ofSeconds(60), () -> app.requests("/dlq").size() >= 1);
        Thread.sleep(300);
        List<String> delivered = flat(batches(app, "/bulk"));
        assertThat(delivered).filteredOn(d -> d.startsWith("good")).containsExactlyInAnyOrder("good-1", "good-2");
        assertThat(delivered).filteredOn(d -> d.equals("bad-1")).hasSize(3); // first attempt + 2 retries
        assertThat(app.requests("/dlq")).hasSize(1);
        assertThat(Json.parse(app.requests("/dlq").get(0).body()).path("data").asText()).isEqualTo("bad-1");
    }

    /**
     * Without a dead-letter topic the Kafka component retries the whole batch once the policy has given up, the
     * entries that succeeded included, and nothing after the batch is delivered meanwhile (partition order).
     */
    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "kafka"})
    void withoutDeadLetterTopicTheWholeBatchIsRetriedUntilItSucceeds(String transport) throws Exception {
        Path comps = Fixtures.pubsubComponents(transport);
        String t = topic("bulk-nodlq");
        AtomicBoolean healed = new AtomicBoolean();
        TestApp app = scope.app()
                .route("/dapr/subscribe", r -> TestApp.Response.json(200, subscriptions(t, "/bulk", null, 2, NEVER)))
                .route("/bulk", r -> answer(r, data -> data.startsWith("bad") && !healed.get() ? "RETRY" : "SUCCESS"));
        scope.pubsubSidecar("subscriber", app, comps);
        Sidecar publisher = scope.pubsubSidecar("publisher", null, comps);
        publish(publisher, t, "good-1", "bad-1");

        Fixtures.await("the batch sent again, whole", Duration.ofSeconds(60),
                () -> flat(batches(app, "/bulk")).stream().filter("good-1"::equals).count() >= 2);
        publish(publisher, t, "later-1", "later-2");
        Thread.sleep(500);
        assertThat(flat(batches(app, "/bulk"))).as("held behind the undecided batch").doesNotContain("later-1");

        healed.set(true);
        Fixtures.await("the batch and the next event delivered", Duration.ofSeconds(60),
                () -> flat(batches(app, "/bulk")).contains("later-1"));
        List<String> delivered = flat(batches(app, "/bulk"));
        assertThat(delivered.indexOf("later-1")).isGreaterThan(delivered.lastIndexOf("bad-1"));
    }

    @Test
    void kafkaBatchesHoldAtMostMaxMessagesCountAndKeepThePartitionsOrder() throws Exception {
        Path comps = Fixtures.pubsubComponents("kafka");
        String t = topic("bulk-order");
        TestApp app = scope.app()
                .route("/dapr/subscribe", r -> TestApp.Response.json(200, subscriptions(t, "/bulk", null, 7, 100)))
                .route("/bulk", r -> answer(r, data -> "SUCCESS"));
        scope.pubsubSidecar("subscriber", app, comps);
        Sidecar publisher = scope.pubsubSidecar("publisher", null, comps);
        String[] data = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "e-" + i).toArray(String[]::new);
        publish(publisher, t, data);

        Fixtures.await("all delivered", Duration.ofSeconds(60), () -> flat(batches(app, "/bulk")).size() >= 40);
        assertThat(batches(app, "/bulk")).allSatisfy(b -> assertThat(b).hasSizeBetween(1, 7));
        assertThat(batches(app, "/bulk").size()).isGreaterThanOrEqualTo(6);
        assertThat(flat(batches(app, "/bulk"))).containsExactly(data);
    }

    @Test
    void a404AnswerDropsTheBatchWithoutDeadLettering() throws Exception {
        Path comps = Fixtures.pubsubComponents("in-memory");
        String t = topic("bulk-404");
        TestApp app = scope.app()
                .route("/dapr/subscribe", r -> TestApp.Response.json(200, subscriptions(t, "/gone", t + ".dlq", 10, 100)))
                .route("/dlq", r -> TestApp.Response.empty(204));
        scope.pubsubSidecar("subscriber", app, comps);
        Sidecar publisher = scope.pubsubSidecar("publisher", null, comps);
        publish(publisher, t, "g-1", "g-2");
        Fixtures.await("delivered", Duration.ofSeconds(30), () -> flat(batches(app, "/gone")).size() >= 2);
        publish(publisher, t, "g-3");
        Fixtures.await("the next one delivered too", Duration.ofSeconds(30),
                () -> flat(batches(app, "/gone")).contains("g-3"));
        assertThat(flat(batches(app, "/gone"))).containsExactly("g-1", "g-2", "g-3");
        assertThat(app.requests("/dlq")).isEmpty();
    }
}
