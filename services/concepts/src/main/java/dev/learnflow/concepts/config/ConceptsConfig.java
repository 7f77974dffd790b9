package dev.learnflow.concepts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code learnflow.concepts.*}. */
@ConfigMapping(prefix = "learnflow.concepts")
public interface ConceptsConfig {

    /** Below this similarity no lesson is taken to answer the question. */
    @WithDefault("0.3")
    double minLessonSimilarity();

    /** How long to wait for code-execution to trace an example. */
    @WithDefault("12s")
    Duration traceTimeout();

    /** How long a handled request id is remembered (redeliveries inside it are ignored). */
    @WithDefault("P7D")
    Duration dedupWindow();
}
