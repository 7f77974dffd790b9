package dev.learnflow.codeexecution.service;

import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** A missing or hanging sidecar never fails (or piles up behind) a run. */
class RunEventPublisherTest {

    private static final RunContext STUDENT = new RunContext(Optional.of(UUID.randomUUID()), Optional.of("exercise"));
    private static final RunEventPublisher.RunSummary SUMMARY = new RunEventPublisher.RunSummary("run",
            ExecutionStatus.RUNTIME_ERROR, "NameError", 12, 1, null, null);

    @Test
    void buildsAValidProgressEvent() {
        List<ProgressRecorded> seen = new CopyOnWriteArrayList<>();
        new RunEventPublisher(e -> {
            seen.add(e);
            return CompletableFuture.completedFuture(e);
        }).publish(STUDENT, SUMMARY);
        assertThat(seen).hasSize(1);
        ProgressRecorded e = seen.get(0);
        assertThat(EventTopic.PROGRESS_EVENTS.payloadType()).isEqualTo(ProgressRecorded.class);
        assertThat(e.userId()).isEqualTo(STUDENT.userId().get());
        assertThat(e.result().errorType()).isEqualTo("NameError");
        assertThat(e.result().durationMs()).isEqualTo(12L);
        assertThat(e.context()).containsEntry("exitCode", 1).containsEntry("caller", "exercise");
    }

    @Test
    void aFailingPublishIsSwallowed() {
        AtomicInteger attempts = new AtomicInteger();
        RunEventPublisher publisher = new RunEventPublisher(e -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException("sidecar unavailable"));
        });
        for (int i = 0; i < RunEventPublisher.MAX_PENDING + 10; i++) {
            assertThatCode(() -> publisher.publish(STUDENT, SUMMARY)).doesNotThrowAnyException();
        }
        assertThat(attempts).hasValue(RunEventPublisher.MAX_PENDING + 10);
    }

    @Test
    void aThrowingSinkIsSwallowedAndAHangingOneIsBounded() {
        assertThatCode(() -> new RunEventPublisher(e -> {
            throw new IllegalStateException("no client");
        }).publish(STUDENT, SUMMARY)).doesNotThrowAnyException();
        AtomicInteger attempts = new AtomicInteger();
        RunEventPublisher publisher = new RunEventPublisher(e -> {
            attempts.incrementAndGet();
            return new CompletableFuture<>();
        });
        for (int i = 0; i < RunEventPublisher.MAX_PENDING + 50; i++) {
            publisher.publish(STUDENT, SUMMARY);
        }
        assertThat(attempts).hasValue(RunEventPublisher.MAX_PENDING);
    }

    @Test
    void nothingForAnonymousRunsOrSandboxErrors() {
        AtomicInteger attempts = new AtomicInteger();
        RunEventPublisher publisher = new RunEventPublisher(e -> {
            attempts.incrementAndGet();
            return CompletableFuture.completedFuture(e);
        });
        publisher.publish(RunContext.anonymous(), SUMMARY);
        publisher.publish(STUDENT, new RunEventPublisher.RunSummary("run", ExecutionStatus.SANDBOX_ERROR, null, 0,
                null, null, null));
        assertThat(attempts).hasValue(0);
    }
}
