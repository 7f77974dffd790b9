package dev.learnflow.codeexecution.service;

import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Tells progress about each run on {@code progress.events} (verb {@code ran}, object type {@code code}, the
 * exception type as {@code result.errorType} for error-pattern learning). Fire and forget: a missing or slow
 * sidecar never fails or delays a run; at most {@value #MAX_PENDING} publishes wait at once, more are dropped
 * with a warning. Runs are not graded here ({@code success} stays null): the exercise service owns grading.
 */
@ApplicationScoped
public class RunEventPublisher {

    private static final Logger LOG = Logger.getLogger(RunEventPublisher.class);
    static final int MAX_PENDING = 256;

    private final ProgressEventSink sink;
    private final Semaphore pending = new Semaphore(MAX_PENDING);

    @Inject
    public RunEventPublisher(ProgressEventSink sink) {
        this.sink = sink;
    }

    /** What to say about one finished run (plain or test run). */
    public record RunSummary(String mode, ExecutionStatus status, String errorType, long durationMs,
                             Integer exitCode, Integer testsPassed, Integer testsTotal) {
    }

    public void publish(RunContext context, RunSummary summary) {
        if (context.userId().isEmpty() || summary.status() == ExecutionStatus.SANDBOX_ERROR) {
            return; // no student to credit, or nothing the student did
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mode", summary.mode());
        facts.put("status", summary.status().value());
        if (summary.exitCode() != null) {
            facts.put("exitCode", summary.exitCode());
        }
        if (summary.testsTotal() != null) {
            facts.put("testsPassed", summary.testsPassed());
            facts.put("testsTotal", summary.testsTotal());
        }
        context.callerApp().ifPresent(app -> facts.put("caller", app));
        ProgressRecorded event = new ProgressRecorded(null, context.userId().get(), Verb.RAN,
                new ActivityObject(ActivityType.CODE, UUID.randomUUID().toString(), null),
                new ActivityResult(null, null, summary.errorType(), Math.max(0, summary.durationMs()), null),
                facts, Instant.now());
        if (!pending.tryAcquire()) {
            LOG.warnf("Dropping a progress event: %d publishes are still waiting for the sidecar", MAX_PENDING);
            return;
        }
        try {
            sink.publish(event).whenComplete((sent, failure) -> {
                pending.release();
                if (failure != null) {
                    LOG.warnf("Could not publish a progress event (run result unaffected): %s", failure.toString());
                }
            });
        } catch (RuntimeException e) {
            pending.release();
            LOG.warnf("Could not publish a progress event (run result unaffected): %s", e.toString());
        }
    }
}
