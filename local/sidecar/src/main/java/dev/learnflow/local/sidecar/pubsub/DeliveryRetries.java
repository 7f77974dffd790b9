package dev.learnflow.local.sidecar.pubsub;

import dev.learnflow.local.sidecar.resiliency.Retry;

import java.time.Duration;

/**
 * The pub/sub redelivery policy used when no Resiliency policy covers a component: retries after the first attempt
 * (before the message goes to its dead-letter topic), backing off exponentially from {@code initialBackoff} up to
 * {@code maxBackoff}.
 */
public record DeliveryRetries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    /** The default: 5 retries, 200 ms doubling up to 10 s. */
    public static final DeliveryRetries DEFAULT = new DeliveryRetries(5, Duration.ofMillis(200), Duration.ofSeconds(10));

    /** The same policy in the resiliency engine's terms. */
    Retry asRetry() {
        return new Retry("deliveryRetries", true, Duration.ZERO, initialBackoff, 0.0, 2.0, maxBackoff,
                Duration.ZERO, maxRetries, null, null);
    }
}
