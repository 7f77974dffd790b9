package dev.learnflow.debug.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code learnflow.debug.*}: error-pattern learning, sandbox use and idempotency. */
@ConfigMapping(prefix = "learnflow.debug")
public interface DebugConfig {

    /** How many errors of one type within {@link #window()} count as a struggle. */
    @WithDefault("3")
    int repeatThreshold();

    /** The sliding window for counting repeated errors ("this week"). */
    @WithDefault("P7D")
    Duration window();

    /** At most one struggle signal per student and error type within this time. */
    @WithDefault("PT24H")
    Duration signalCooldown();

    /** Error entries kept per student. */
    @WithDefault("50")
    int historySize();

    /** How long to wait for code-execution when the request has code but no error. */
    @WithDefault("12s")
    Duration sandboxTimeout();

    /** How long an answered request id is remembered, so a redelivered request is not answered twice. */
    @WithDefault("7d")
    Duration processedTtl();
}
