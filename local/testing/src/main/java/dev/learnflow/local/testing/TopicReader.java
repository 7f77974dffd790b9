package dev.learnflow.local.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic of the test mesh's embedded Kafka ({@link LocalSidecar#kafka()}) from the beginning up to its end
 * offsets as they are when called, without a consumer group. Whatever was acknowledged to a publisher before the
 * call is in the answer, so a count is exact, not "whatever arrived in time".
 */
public final class TopicReader {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TopicReader() {
    }

    /** The record values of {@code topic}, in order per partition. */
    public static List<String> values(String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                LocalSidecar.kafka().bootstrapServers(), "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // The consumer is not thread-safe: Awaitility polls it on this thread.
            await("reading " + topic + " up to its end offsets").atMost(WAIT).pollInSameThread()
                    .pollInterval(Duration.ofMillis(1)).until(() -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                            values.add(r.value());
                        }
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    });
        }
        return values;
    }
}
