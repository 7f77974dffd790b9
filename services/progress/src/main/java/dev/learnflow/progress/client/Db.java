package dev.learnflow.progress.client;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small helpers shared by this service's table adapters. */
final class Db {

    /** Queries run on worker threads and wait at most this long for PostgreSQL. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Db() {
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
