package dev.learnflow.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Gateway settings; every value can be overridden by an environment variable (LEARNFLOW_GATEWAY_...). */
@ConfigMapping(prefix = "learnflow.gateway")
public interface GatewayConfig {

    Tokens tokens();

    RateLimit rateLimit();

    Timeouts timeouts();

    Users users();

    Bulkhead bulkhead();

    /** bcrypt work factor: 10 costs ~60–100 ms per hash here, slow enough for offline guessing, fast enough for login. */
    @WithDefault("10")
    int bcryptCost();

    interface Tokens {
        /** Must equal mp.jwt.verify.issuer, which verification uses. */
        @WithDefault("https://learnflow.dev")
        String issuer();

        /** Must equal mp.jwt.verify.audiences. */
        @WithDefault("learnflow-api")
        String audience();

        @WithDefault("PT15M")
        Duration accessTtl();

        @WithDefault("P14D")
        Duration refreshTtl();
    }

    interface RateLimit {
        /** Burst size of each user's token bucket. */
        @WithDefault("60")
        int capacity();

        /** Sustained requests per second per user. */
        @WithDefault("2.0")
        double refillPerSecond();
    }

    interface Timeouts {
        @WithDefault("PT3S")
        Duration standard();

        /** Code runs and grading wait for the sandbox (up to 5 s of wall clock) plus queueing. */
        @WithDefault("PT12S")
        Duration sandbox();
    }

    /**
     * Calls out at a time over all backends (issue 19): enough to keep them busy on two cores; later calls wait in
     * the gateway, in one queue in arrival order and without a thread, for at most their route's timeout. One
     * queue, not one per backend: a bound per backend (tried: 16, and 48 of 64) made the busiest backend's calls
     * (progress, half of the reads) wait while the others' went out, past 3 s at 500 users.
     */
    interface Bulkhead {
        @WithDefault("64")
        int maxInFlight();

        /** Waiting calls beyond which the gateway answers 503 with Retry-After at once. */
        @WithDefault("4000")
        int maxWaiting();
    }

    interface Users {
        /**
         * The apps (Dapr app ids, from the sidecar's {@code dapr-caller-app-id}) that may read accounts through
         * {@code /internal/users}; Dapr access control on the gateway's sidecar lets only these through as well.
         */
        @WithDefault("progress,notification")
        java.util.List<String> readers();
    }
}
