package dev.learnflow.exercise.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.DiagnosisRequest;
import dev.learnflow.contracts.api.ProgramFeedback;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The debug agent's hints on a submission, through our sidecar ({@code POST /internal/diagnoses} on app
 * {@code debug}; Dapr access control lets exercise call exactly that). The diagnosis is debug's: this service
 * only sends the code and the exercise's tests (hidden ones marked) and relays what comes back.
 */
@ApplicationScoped
public class DebugFeedbackClient {

    static final String PATH = "/internal/diagnoses";
    /** Extra wait beyond the call's own timeout, so the sidecar's answer wins over our give-up. */
    private static final long GRACE_MS = 500;

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final String appId;

    public DebugFeedbackClient(ServiceInvoker invoker, ObjectMapper mapper,
                               @ConfigProperty(name = "learnflow.debug.app-id", defaultValue = "debug") String appId) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.appId = appId;
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
