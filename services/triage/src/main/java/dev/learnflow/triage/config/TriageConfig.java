package dev.learnflow.triage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code learnflow.triage.*}. */
@ConfigMapping(prefix = "learnflow.triage")
public interface TriageConfig {

    /** Below this classifier confidence triage asks a clarifying question (0..1). */
    @WithDefault("0.5")
    double minConfidence();

    /** Below this similarity to the nearest examples a non-off-topic intent counts as unsure. */
    @WithDefault("0.3")
    double minSimilarity();

    /** With an LLM configured, classifications below this confidence are refined by it. */
    @WithDefault("0.8")
    double llmRefineBelow();

    /** A topic is inferred from the question only when it is at least this similar to the topic's summary. */
    @WithDefault("0.45")
    double minTopicSimilarity();

    /** How long to wait for progress's student context before going on without it. */
    @WithDefault("1500ms")
    Duration contextTimeout();

    /** Conversation turns kept in the state store, and how many travel as context. */
    @WithDefault("20")
    int turnsKept();

    @WithDefault("6")
    int turnsInContext();
}
