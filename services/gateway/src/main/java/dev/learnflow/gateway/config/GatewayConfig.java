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
     * Calls out at a time (issue 19): over all backends, enough to keep them busy on two cores; later calls wait
     * in the gateway, in one queue in arrival order and without a thread, for at most their route's timeout.
     */
    interface Bulkhead {
        /**
         * Per backend. As many as over all by default: a per-backend bound below that made the busiest backend's
         * calls wait while the others' went out (bench/mesh, 500 users: progress' reads 503 after 3 s of waiting,
         * curriculum p50 0.3 s); a backend that hangs is cut off by its circuit instead.
         */
        @WithDefault("64")
        int maxInFlight();

        @WithDefault("64")
        int maxInFlightTotal();

        /** Waiting calls per backend beyond which the gateway answers 503 with Retry-After at once. */
        @WithDefault("2000")
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
