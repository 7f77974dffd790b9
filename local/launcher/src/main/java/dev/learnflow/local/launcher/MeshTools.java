package dev.learnflow.local.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Seeing inside a running local mesh without Docker (what Kafka UI and pgAdmin gave in the seed's setup):
 * {@code ./learnflow topics} (offsets and consumer lag), {@code tail <topic>} (CloudEvents as they pass),
 * {@code psql} (the mesh's database) and {@code state <app> <key>} (a state key read through the app's sidecar).
 * Everything is found in {@code .learnflow/run/mesh.properties}, written by {@code up}.
 */
public final class MeshTools {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MeshTools() {
    }

    // --- topics -----------------------------------------------------------------------------------------------

    /** One topic partition set's end offset and, per consumer group, what it committed. */
    record TopicRow(String topic, int partitions, long endOffset, Map<String, Long> committedByGroup) {

        long lag(String group) {
            return endOffset - committedByGroup.getOrDefault(group, 0L);
        }
    }

    /** Every non-internal topic with its messages (sum of end offsets) and each consumer group's lag. */
    static List<TopicRow> topics(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            Collection<String> names = admin.listTopics().names().get();
            Map<String, List<TopicPartition>> partitions = new TreeMap<>();
            admin.describeTopics(names).allTopicNames().get().forEach((name, d) -> partitions.put(name,
                    d.partitions().stream().map(p -> new TopicPartition(name, p.partition())).toList()));
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.values().forEach(ps -> ps.forEach(tp -> latest.put(tp, OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            Map<String, Map<String, Long>> committed = new TreeMap<>(); // topic -> group -> committed
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get();
                offsets.forEach((tp, om) -> {
                    if (om != null) {
                        committed.computeIfAbsent(tp.topic(), t -> new TreeMap<>())
                                .merge(g.groupId(), om.offset(), Long::sum);
                    }
                });
            }
            List<TopicRow> rows = new ArrayList<>();
            partitions.forEach((name, ps) -> rows.add(new TopicRow(name, ps.size(),
                    ps.stream().mapToLong(tp -> ends.getOrDefault(tp, 0L)).sum(),
                    committed.getOrDefault(name, Map.of()))));
            return rows;
        }
    }

    /** The table {@code ./learnflow topics} prints: one line per topic and consumer group. */
    static String topicsTable(List<TopicRow> rows) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-26s %4s %9s  %-22s %9s %6s%n";
        sb.append(String.format(fmt, "TOPIC", "PART", "MESSAGES", "CONSUMER GROUP", "COMMITTED", "LAG"));
        for (TopicRow r : rows) {
            if (r.committedByGroup().isEmpty()) {
                sb.append(String.format(fmt, r.topic(), r.partitions(), r.endOffset(), "-", "-", "-"));
            }
            r.committedByGroup().forEach((group, offset) -> sb.append(String.format(fmt, r.topic(), r.partitions(),
                    r.endOffset(), group, offset, r.lag(group))));
        }
        return sb.toString();
    }

    // --- tail -------------------------------------------------------------------------------------------------

    /**
     * Prints the CloudEvents of a topic as they pass (from now on, or from the beginning), one line each, until
     * {@code max} were printed (0 = no limit) or {@code stop} says so. Reads without a consumer group, so it
     * takes nothing away from the services.
     */
    static int tail(String bootstrap, String topic, boolean fromBeginning, int max, PrintStream out,
                    BooleanSupplier stop) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        int printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + topic + " (./learnflow topics lists them)");
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // fix "end" now, not at the first poll
            }
            while (!stop.getAsBoolean() && (max <= 0 || printed < max)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(eventLine(r.partition(), r.offset(), r.value()));
                    out.flush();
                    if (max > 0 && ++printed >= max) {
                        break;
                    }
                }
            }
        }
        return printed;
    }

    /**
     * One line per CloudEvent: {@code partition/offset time type id=… source=… data}, the data as compact JSON
     * (cut at 300 characters); a record that is not a CloudEvent is shown as text.
     */
    static String eventLine(int partition, long offset, byte[] value) {
        String prefix = partition + "/" + offset + " ";
        if (value == null) {
            return prefix + "(tombstone)";
        }
        String text = new String(value, StandardCharsets.UTF_8);
        JsonNode ce;
        try {
            ce = JSON.readTree(text);
        } catch (Exception e) {
            ce = null;
        }
        if (ce == null || !ce.isObject() || !ce.has("specversion")) {
            return prefix + "(not a CloudEvent) " + cut(text.strip(), 300);
        }
        JsonNode data = ce.has("data") ? ce.get("data") : ce.path("data_base64");
        return prefix + ce.path("time").asText("-") + " " + ce.path("type").asText("?")
                + " id=" + ce.path("id").asText("?") + " source=" + ce.path("source").asText("?")
                + (ce.hasNonNull("traceparent") ? " traceparent=" + ce.get("traceparent").asText() : "")
                + " " + cut(data.isTextual() ? data.asText() : data.toString(), 300);
    }

    // --- psql ------------------------------------------------------------------------------------------------

    /** The psql command line for the mesh's database (from {@code db.url} and {@code db.user} in mesh.properties). */
    static List<String> psqlCommand(Properties mesh) {
        String url = mesh.getProperty("db.url", "");
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("no database recorded; is LearnFlow running? (./learnflow up)");
        }
        URI u = URI.create(url.substring("jdbc:".length()));
        String db = u.getPath().replaceFirst("^/", "");
        return List.of("psql", "-h", u.getHost(), "-p", String.valueOf(u.getPort() < 0 ? 5432 : u.getPort()),
                "-U", mesh.getProperty("db.user", "postgres"), db);
    }

    // --- state -----------------------------------------------------------------------------------------------

    /** {@code GET /v1.0/state/statestore/<key>} on the app's sidecar, with the app's API token, as the app would. */
    static HttpResponse<String> state(Properties mesh, String app, String key) throws Exception {
        String port = mesh.getProperty("service." + app + ".sidecar.http");
        if (port == null) {
            throw new IllegalArgumentException("no app " + app + " in the running mesh (apps: "
                    + mesh.getProperty("services", "none") + ")");
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1.0/state/statestore/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(Duration.ofSeconds(10)).GET();
        String token = mesh.getProperty("service." + app + ".dapr.token", "");
        if (!token.isBlank()) {
            req.header("dapr-api-token", token);
        }
        return Health.client().send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What {@code ./learnflow state} prints: the value (pretty JSON when it is JSON) or why there is none. */
    static String describeState(String app, String key, int status, String body) {
        if (status == 204 || (status == 200 && body.isEmpty())) {
            return "no value for key " + key + " in " + app + "'s state";
        }
        if (status != 200) {
            return "sidecar of " + app + " answered " + status + ": " + body;
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
        } catch (Exception e) {
            return body;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
