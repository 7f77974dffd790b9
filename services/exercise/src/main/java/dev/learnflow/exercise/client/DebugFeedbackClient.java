package dev.learnflow.exercise.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.DiagnosisRequest;
import dev.learnflow.contracts.api.ProgramFeedback;
import dev.learnflow.exercise.config.ExerciseConfig;
import dev.learnflow.platform.dapr.CircuitBreaker;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The debug agent's hints on a submission, through our sidecar ({@code POST /internal/diagnoses} on app
 * {@code debug}; Dapr access control lets exercise call exactly that). The diagnosis is debug's: this service
 * only sends the code and the exercise's tests (hidden ones marked) and relays what comes back.
 *
 * <p>A failed call opens a short circuit: our own 503 is retried by the caller's sidecar (resiliency matches 503),
 * and without it each retry would wait on debug again, so a "hints unavailable" answer would outlast the gateway's
 * deadline. While the circuit is open, grades go without a hint and hint requests fail at once.
 */
@ApplicationScoped
public class DebugFeedbackClient {

    static final String PATH = "/internal/diagnoses";
    /** Extra wait beyond the call's own timeout, so the sidecar's answer wins over our give-up. */
    private static final long GRACE_MS = 500;

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final String appId;
    private final CircuitBreaker circuit;

    @Inject
    public DebugFeedbackClient(ServiceInvoker invoker, ObjectMapper mapper, Clock clock, ExerciseConfig config,
                               @ConfigProperty(name = "learnflow.debug.app-id", defaultValue = "debug") String appId) {
        this(invoker, mapper, clock, config.feedback().pauseAfterFailure(), appId);
    }

    DebugFeedbackClient(ServiceInvoker invoker, ObjectMapper mapper, Clock clock, Duration pauseAfterFailure,
                        String appId) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.appId = appId;
        this.circuit = CircuitBreaker.openOnFirstFailure(pauseAfterFailure, clock);
    }

    /** No feedback this time: debug is down, slow, busy, or could not diagnose this program ({@link #lasting()}). */
    public static class NoFeedback extends RuntimeException {
        private final boolean lasting;

        NoFeedback(String message, boolean lasting, Throwable cause) {
            super(message, cause);
            this.lasting = lasting;
        }

        /** Asking again with the same code would not help (debug answered 4xx). */
        public boolean lasting() {
            return lasting;
        }
    }

    public ProgramFeedback feedback(DiagnosisRequest request, Duration timeout) {
        if (!circuit.tryAcquire()) {
            throw new NoFeedback(appId + " failed just now; not asked again for "
                    + circuit.retryAfterSeconds() + " s", false, null);
        }
        try {
            ProgramFeedback feedback = call(request, timeout);
            circuit.onSuccess();
            return feedback;
        } catch (RuntimeException e) {
            if (e instanceof NoFeedback noFeedback && noFeedback.lasting()) {
                circuit.onSuccess(); // debug answered; it just cannot help with this code
            } else {
                circuit.onFailure();
            }
            throw e;
        }
    }

    private ProgramFeedback call(DiagnosisRequest request, Duration timeout) {
        ServiceInvoker.Reply reply;
        try {
            reply = invoker.invoke(new ServiceInvoker.Call(appId, "POST", PATH, "application/json",
                            mapper.writeValueAsBytes(request), Map.of(), timeout))
                    .get(timeout.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoFeedback("interrupted", false, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new NoFeedback(appId + " did not answer: " + cause.getMessage(), false, e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (reply.status() == 200) {
            try {
                return mapper.readValue(reply.body(), ProgramFeedback.class);
            } catch (IOException e) {
                throw new NoFeedback("unreadable feedback from " + appId + ": " + e.getMessage(), false, e);
            }
        }
        boolean lasting = reply.status() >= 400 && reply.status() < 500 && reply.status() != 408
                && reply.status() != 429 && reply.status() != 403;
        throw new NoFeedback(appId + " answered " + reply.status(), lasting, null);
    }
}
