package dev.learnflow.local.sidecar.config;

import java.util.List;
import java.util.Map;

/**
 * One subscription, from the app's {@code GET /dapr/subscribe} (programmatic) or a {@code kind: Subscription}
 * document (declarative). Rules are evaluated in order; a rule with an empty match is the default route.
 */
public record SubscriptionSpec(String pubsubName, String topic, List<Rule> rules, String deadLetterTopic,
                               Map<String, String> metadata, String type) {

    public record Rule(String match, String path) {
    }

    public boolean rawPayload() {
        return Boolean.parseBoolean(metadata.getOrDefault("rawPayload", "false"));
    }
}
