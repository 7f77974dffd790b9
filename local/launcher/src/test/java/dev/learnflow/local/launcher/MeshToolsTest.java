package dev.learnflow.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.learnflow.local.infra.EmbeddedKafka;

/** {@code ./learnflow topics / tail / psql / state} against embedded Kafka and a stand-in sidecar. */
class MeshToolsTest {

    @TempDir
    Path tmp;

    static String cloudEvent(int n) {
        return "{\"specversion\":\"1.0\",\"id\":\"ev-" + n + "\",\"source\":\"gateway\","
                + "\"type\":\"dev.learnflow.learning.request\",\"time\":\"2026-12-02T07:00:0" + n + "Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"question\":\"what is a list? " + n + "\"}}";
    }

    @Test
    void topicsShowMessagesAndLagAndTailPrintsTheEvents() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().port(0).controllerPort(0).dataDir(tmp.resolve("kafka"))
                .start()) {
            String topic = "learning.requests";
            kafka.createTopics(List.of(topic, "struggle.detected"), 1);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                for (int i = 1; i <= 3; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, cloudEvent(i))).get();
                }
                producer.send(new ProducerRecord<>(topic, "raw", "plain text")).get();
            }
            // A consumer group (like triage's) that has processed two of the four records.
            try (KafkaConsumer<String, String> triage = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "triage",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                triage.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)));
            }

            List<MeshTools.TopicRow> rows = MeshTools.topics(kafka.bootstrapServers());
            MeshTools.TopicRow requests = rows.stream().filter(r -> r.topic().equals(topic)).findFirst().orElseThrow();
            assertThat(requests.endOffset()).isEqualTo(4);
            assertThat(requests.committedByGroup()).containsExactly(Map.entry("triage", 2L));
            assertThat(requests.lag("triage")).isEqualTo(2);
            String table = MeshTools.topicsTable(rows);
            assertThat(table.lines()).contains(
                    String.format("%-26s %4s %9s  %-22s %9s %6s", topic, 1, 4, "triage", 2, 2),
                    String.format("%-26s %4s %9s  %-22s %9s %6s", "struggle.detected", 1, 0, "-", "-", "-"));

            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int printed = MeshTools.tail(kafka.bootstrapServers(), topic, true, 4,
                    new PrintStream(buf, true, StandardCharsets.UTF_8), () -> false);
            assertThat(printed).isEqualTo(4);
            assertThat(buf.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                    "0/0 2026-12-02T07:00:01Z dev.learnflow.learning.request id=ev-1 source=gateway "
                            + "{\"question\":\"what is a list? 1\"}",
                    "0/1 2026-12-02T07:00:02Z dev.learnflow.learning.request id=ev-2 source=gateway "
                            + "{\"question\":\"what is a list? 2\"}",
                    "0/2 2026-12-02T07:00:03Z dev.learnflow.learning.request id=ev-3 source=gateway "
                            + "{\"question\":\"what is a list? 3\"}",
                    "0/3 (not a CloudEvent) plain text");

            assertThatThrownBy(() -> MeshTools.tail(kafka.bootstrapServers(), "no.such.topic", true, 1,
                    System.out, () -> false)).hasMessageContaining("no topic no.such.topic");
        }
    }

    @Test
    void psqlConnectsToTheRecordedDatabase() {
        Properties mesh = new Properties();
        mesh.setProperty("db.url", "jdbc:postgresql://127.0.0.1:15432/learnflow");
        mesh.setProperty("db.user", "postgres");
        assertThat(MeshTools.psqlCommand(mesh))
                .containsExactly("psql", "-h", "127.0.0.1", "-p", "15432", "-U", "postgres", "learnflow");
        assertThatThrownBy(() -> MeshTools.psqlCommand(new Properties())).hasMessageContaining("./learnflow up");
    }

    @Test
    void stateIsReadThroughTheAppsSidecarWithItsToken() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer sidecar = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sidecar.createContext("/v1.0/state/statestore/", exchange -> {
            seen.set(exchange.getRequestURI().getRawPath() + " token=" + exchange.getRequestHeaders()
                    .getFirst("dapr-api-token"));
            byte[] b = exchange.getRequestURI().getRawPath().endsWith("missing") ? new byte[0]
                    : "{\"attempts\":3,\"topic\":\"lists\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(b.length == 0 ? 204 : 200, b.length == 0 ? -1 : b.length);
            exchange.getResponseBody().write(b);
            exchange.close();
        });
        sidecar.start();
        try {
            Properties mesh = new Properties();
            mesh.setProperty("services", "debug");
            mesh.setProperty("service.debug.sidecar.http", String.valueOf(sidecar.getAddress().getPort()));
            mesh.setProperty("service.debug.dapr.token", "t0k3n");
            var r = MeshTools.state(mesh, "debug", "errors/u 1");
            assertThat(seen.get()).isEqualTo("/v1.0/state/statestore/errors%2Fu%201 token=t0k3n");
            assertThat(MeshTools.describeState("debug", "errors/u 1", r.statusCode(), r.body()))
                    .isEqualTo("{\n  \"attempts\" : 3,\n  \"topic\" : \"lists\"\n}");
            var missing = MeshTools.state(mesh, "debug", "missing");
            assertThat(MeshTools.describeState("debug", "missing", missing.statusCode(), missing.body()))
                    .isEqualTo("no value for key missing in debug's state");
            assertThatThrownBy(() -> MeshTools.state(mesh, "nope", "k"))
                    .hasMessage("no app nope in the running mesh (apps: debug)");
        } finally {
            sidecar.stop(0);
        }
    }

    @Test
    void sidecarErrorsAreShownNotHidden() {
        assertThat(MeshTools.describeState("gateway", "k", 401, "{\"errorCode\":\"ERR_UNAUTHORIZED\"}"))
                .isEqualTo("sidecar of gateway answered 401: {\"errorCode\":\"ERR_UNAUTHORIZED\"}");
        assertThat(MeshTools.eventLine(1, 7, null)).isEqualTo("1/7 (tombstone)");
    }
}
