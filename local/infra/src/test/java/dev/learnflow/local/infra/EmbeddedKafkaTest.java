package dev.learnflow.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.learnflow.contracts.events.EventTopic;

class EmbeddedKafkaTest {

    @TempDir
    Path tmp;

    @Test
    void topicsProduceConsumeAndRecordSurvivesRestartOnSameDataDir() throws Exception {
        Path data = tmp.resolve("kafka");
        String topic = EventTopic.LEARNING_REQUESTS.topic();
        int port;
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(data).start()) {
            port = kafka.port();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);

            kafka.createTopics(Topics.all());
            kafka.createTopics(Topics.all()); // idempotent
            kafka.createTopics(List.of("three.partitions"), 3);
            assertThat(kafka.listTopics()).containsAll(Topics.all()).contains("three.partitions");
            assertThat(kafka.partitionCounts(List.of(topic, "three.partitions")))
                    .containsEntry(topic, 1).containsEntry("three.partitions", 3);

            produce(kafka.bootstrapServers(), topic, "k1", "hello");
            assertThat(consumeAll(kafka.bootstrapServers(), topic, 1)).containsExactly("hello");

            // The broker dies mid-flow and comes back on the same port with the same data.
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(Ports.isListening("127.0.0.1", port, 200)).isFalse();
            assertThatThrownBy(kafka::listTopics).isInstanceOf(IllegalStateException.class);
            kafka.restart();
            assertThat(kafka.port()).isEqualTo(port);
            assertThat(consumeAll(kafka.bootstrapServers(), topic, 1)).containsExactly("hello");
            produce(kafka.bootstrapServers(), topic, "k2", "again");
        }
        // A new instance on the given data dir (as after a launcher restart) sees topics and records; asked for more
        // partitions than the old topics have, it adds them and keeps the records.
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(data).port(port).defaultPartitions(4).start()) {
            assertThat(kafka.listTopics()).containsAll(Topics.all());
            kafka.createTopics(Topics.all());
            assertThat(kafka.partitionCounts(List.of(topic, "three.partitions")))
                    .containsEntry(topic, 4).containsEntry("three.partitions", 3); // only the named topics grow
            kafka.createTopics(List.of("three.partitions"), 2); // never fewer
            assertThat(kafka.partitionCounts(List.of("three.partitions"))).containsEntry("three.partitions", 3);
            assertThat(consumeAll(kafka.bootstrapServers(), topic, 2)).containsExactly("hello", "again");
        }
        assertThat(data).isDirectory(); // a given data dir is kept
    }

    @Test
    void topicNamesComeFromContracts() {
        assertThat(Topics.all()).hasSize(16)
                .contains("learning.requests", "learning.requests.dlq", "progress.events.dlq");
        assertThat(Topics.eventTopics()).hasSize(8).doesNotHaveDuplicates();
        assertThat(Topics.deadLetterTopics()).allMatch(t -> t.endsWith(".dlq"));
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            // assign (no consumer group): skips the group join and keeps the test quick.
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }

}
