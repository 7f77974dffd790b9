package dev.learnflow.platform.dapr;

import dev.learnflow.local.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitBreakerTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(20, 10, 0.5, Duration.ofSeconds(10), clock);

    private void calls(int successes, int failures) {
        for (int i = 0; i < successes; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onSuccess();
        }
        for (int i = 0; i < failures; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }

    @Test
    void aBackendThatFailsEveryCallOpensTheCircuitOnceEnoughCallsAreKnown() {
        calls(0, 9);
        assertThat(breaker.state()).as("9 failures are fewer than the 10 calls needed").isEqualTo(CircuitBreaker.State.CLOSED);
        calls(0, 1);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.retryAfterSeconds()).isEqualTo(10);
    }

    @Test
    void occasionalTimeoutsOfABusyBackendDoNotOpenIt() {
        // runs of five timeouts in a row between answers: a quarter of the calls fail, and never half of the last 20
        for (int round = 0; round < 10; round++) {
            calls(15, 5);
            assertThat(breaker.state()).as("round %d", round).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void theRateCountsOnlyTheLatestWindowOfCalls() {
        calls(0, 9);
        calls(20, 0); // the nine failures slide out of the window of 20
        calls(0, 9);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        calls(0, 1);
        assertThat(breaker.state()).as("10 failures among the last 20").isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void afterThePauseOneTrialCallDecides() {
        calls(0, 10);
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("the trial call").isTrue();
        assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
        breaker.onFailure();
        assertThat(breaker.state()).as("a failed trial reopens it").isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.retryAfterSeconds()).isEqualTo(10);

        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        calls(0, 9);
        assertThat(breaker.state()).as("a closed circuit starts a fresh window").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void openOnFirstFailureOpensAtOnce() {
        CircuitBreaker strict = CircuitBreaker.openOnFirstFailure(Duration.ofSeconds(3), clock);
        assertThat(strict.tryAcquire()).isTrue();
        strict.onSuccess();
        strict.onFailure();
        assertThat(strict.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(3));
        assertThat(strict.tryAcquire()).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new CircuitBreaker(5, 6, 0.5, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreaker(5, 5, 0, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
