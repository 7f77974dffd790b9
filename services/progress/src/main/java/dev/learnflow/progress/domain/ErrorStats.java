package dev.learnflow.progress.domain;

import java.time.Instant;

/** How often a student hit one Python error type, and when first and last. */
public record ErrorStats(long count, Instant firstAt, Instant lastAt) {

    public ErrorStats plus(Instant at) {
        return new ErrorStats(count + 1, firstAt.isBefore(at) ? firstAt : at, lastAt.isAfter(at) ? lastAt : at);
    }
}
