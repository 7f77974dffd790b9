package dev.learnflow.codereview.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of the review ({@code learnflow.review.*}, or {@code LEARNFLOW_REVIEW_*} environment variables). */
@ConfigMapping(prefix = "learnflow.review")
public interface ReviewConfig {

    /** Wall-clock limit the sandbox applies to one analysis run. */
    @WithDefault("5000")
    int runTimeoutMs();

    /** How long we wait for the sandbox's answer (its queue plus the run). */
    @WithDefault("20s")
    Duration sandboxCallTimeout();

    /** How long a processed event id is remembered, so redeliveries are not reviewed twice. */
    @WithDefault("7d")
    Duration processedTtl();
}
