package dev.learnflow.progress;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The service's clock in tests: real time shifted by an offset the test sets, so it keeps ticking (reminders that
 * the sidecar fires on wall time see time pass) while the test decides what day it is. Replaces the default
 * Clock bean for the whole app.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code now} (and ticks on from there). */
    public void set(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public void set(ZonedDateTime now) {
        set(now.toInstant());
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
