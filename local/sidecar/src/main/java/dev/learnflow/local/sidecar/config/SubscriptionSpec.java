package dev.learnflow.local.sidecar.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One subscription, from the app's {@code GET /dapr/subscribe} (programmatic) or a {@code kind: Subscription}
 * document (declarative). Rules are evaluated in order; a rule with an empty match is the default route.
 * {@code bulk} is daprd's {@code bulkSubscribe} when it is enabled, else null (one event per delivery).
 */
public record SubscriptionSpec(String pubsubName, String topic, List<Rule> rules, String deadLetterTopic,
                               Map<String, String> metadata, String type, Bulk bulk) {

    public SubscriptionSpec(String pubsubName, String topic, List<Rule> rules, String deadLetterTopic,
                            Map<String, String> metadata, String type) {
        this(pubsubName, topic, rules, deadLetterTopic, metadata, type, null);
    }

    public record Rule(String match, String path) {
    }

    /**
     * daprd's bulk subscribe: up to {@code maxMessagesCount} messages of one partition in one call to the app,
     * flushed earlier every {@code maxAwaitDuration}. Zero values take the component's defaults (pubsub.kafka: 80
     * messages, 10 s; components without bulk support: 100 messages, 1 s).
     */
    public record Bulk(int maxMessagesCount, Duration maxAwaitDuration) {
    }

    public boolean rawPayload() {
        return Boolean.parseBoolean(metadata.getOrDefault("rawPayload", "false"));
    }
}
