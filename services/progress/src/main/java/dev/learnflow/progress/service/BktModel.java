package dev.learnflow.progress.service;

import java.util.Map;

/** BKT parameters per topic: configured overrides, else the defaults. */
public record BktModel(BktParameters defaults, Map<String, BktParameters> perTopic) {

    public BktModel {
        perTopic = Map.copyOf(perTopic);
    }

    public static BktModel withDefaults() {
        return new BktModel(BktParameters.DEFAULTS, Map.of());
    }

    public BktParameters forTopic(String topicId) {
        return topicId == null ? defaults : perTopic.getOrDefault(topicId, defaults);
    }
}
