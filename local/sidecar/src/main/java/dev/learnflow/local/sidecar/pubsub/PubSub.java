package dev.learnflow.local.sidecar.pubsub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/** A pub/sub component as the sidecar uses it: publish bytes, and consume as a named consumer group. */
public interface PubSub extends AutoCloseable {

    /** One message as the broker hands it over (the data is the CloudEvent JSON unless rawPayload). */
    record Message(String topic, byte[] data, Map<String, String> metadata) {
    }

    /** Batches for a bulk subscription: at most {@code maxMessages}, the rest flushed every {@code maxAwait}. */
    record Batching(int maxMessages, Duration maxAwait) {
        public Batching {
            if (maxMessages < 1 || maxAwait.isNegative() || maxAwait.isZero()) {
                throw new IllegalArgumentException("batching needs maxMessages >= 1 and a positive maxAwait");
            }
        }
    }

    /**
     * Receives messages of one ordering unit (a Kafka partition, an in-memory topic) one at a time, or a batch at a
     * time for topics that {@link #batching} names. Returning means "decided" (delivered, dropped or
     * dead-lettered; for a batch: every message of it): the position may be committed. Throwing means "not
     * decided" (the subscription is stopping): the message, or the whole batch, must be delivered again later.
     */
    interface Handler {
        void handle(Message message, BooleanSupplier cancelled) throws Exception;

        /** How the messages of {@code topic} are batched; null = one at a time. */
        default Batching batching(String topic) {
            return null;
        }

        /** Receives one batch (messages of one ordering unit, in order) of a topic with {@link #batching}. */
        default void handleBatch(List<Message> batch, BooleanSupplier cancelled) throws Exception {
            for (Message m : batch) {
                handle(m, cancelled);
            }
        }
    }

    /** Publishes and returns once the broker has acknowledged the message. */
    void publish(String topic, byte[] data, Map<String, String> metadata) throws Exception;

    /**
     * Publishes without holding a thread while the broker acknowledges; completes with the acknowledgement.
     * {@code blocking} runs what may block (by default the whole {@link #publish}).
     */
    default CompletableFuture<Void> publishAsync(String topic, byte[] data, Map<String, String> metadata,
                                                 Executor blocking) {
        return CompletableFuture.runAsync(() -> {
            try {
                publish(topic, data, metadata);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, blocking);
    }

    /** Starts consuming {@code topics} as {@code consumerGroup}; closing the result stops consuming. */
    AutoCloseable subscribe(String consumerGroup, Set<String> topics, Handler handler) throws Exception;

    List<String> features();

    /**
     * The batching of a bulk subscription that sets neither count nor wait: daprd's default bulk subscriber (for
     * components without their own) buffers 100 messages or 1 s.
     */
    default Batching defaultBatching() {
        return new Batching(100, Duration.ofSeconds(1));
    }

    @Override
    default void close() {
    }
}
