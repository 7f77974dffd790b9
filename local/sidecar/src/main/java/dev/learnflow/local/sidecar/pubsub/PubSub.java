package dev.learnflow.local.sidecar.pubsub;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** A pub/sub component as the sidecar uses it: publish bytes, and consume as a named consumer group. */
public interface PubSub extends AutoCloseable {

    /** One message as the broker hands it over (the data is the CloudEvent JSON unless rawPayload). */
    record Message(String topic, byte[] data, Map<String, String> metadata) {
    }

    /**
     * Receives messages of one ordering unit (a Kafka partition, an in-memory topic) one at a time. Returning means
     * "decided" (delivered, dropped or dead-lettered): the position may be committed. Throwing means "not decided"
     * (the subscription is stopping): the message must be delivered again later.
     */
    interface Handler {
        void handle(Message message, BooleanSupplier cancelled) throws Exception;
    }

    /** Publishes and returns once the broker has acknowledged the message. */
    void publish(String topic, byte[] data, Map<String, String> metadata) throws Exception;

    /** Starts consuming {@code topics} as {@code consumerGroup}; closing the result stops consuming. */
    AutoCloseable subscribe(String consumerGroup, Set<String> topics, Handler handler) throws Exception;

    List<String> features();

    @Override
    default void close() {
    }
}
