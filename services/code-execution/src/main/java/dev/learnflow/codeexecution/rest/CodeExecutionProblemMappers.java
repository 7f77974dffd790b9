package dev.learnflow.codeexecution.rest;

import dev.learnflow.codeexecution.client.SandboxBusyException;
import dev.learnflow.codeexecution.client.SandboxUnavailableException;
import dev.learnflow.codeexecution.service.InvalidTestsException;
import dev.learnflow.platform.errors.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** This service's own problems: busy and unavailable (with Retry-After), and ungradable test cases. */
public class CodeExecutionProblemMappers {

    /** Seconds a caller should wait while the sandbox is unavailable (the self-test retries meanwhile). */
    static final int UNAVAILABLE_RETRY_AFTER = 30;

    @ServerExceptionMapper
    public Response busy(SandboxBusyException e) {
        return Problems.response(429, "sandbox-busy", "Sandbox busy", e.getMessage(), List.of(),
                Map.of("Retry-After", Integer.toString(e.retryAfterSeconds())));
    }

    @ServerExceptionMapper
    public Response unavailable(SandboxUnavailableException e) {
        return Problems.response(503, "sandbox-unavailable", "Sandbox unavailable",
                "The code sandbox is unavailable, so no code is run: " + e.getMessage(), List.of(),
                Map.of("Retry-After", Integer.toString(UNAVAILABLE_RETRY_AFTER)));
    }

    @ServerExceptionMapper
    public Response invalidTests(InvalidTestsException e) {
        return Problems.response(400, "validation", "Invalid request", e.getMessage(), e.errors(), Map.of());
    }
}
