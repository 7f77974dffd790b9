package dev.learnflow.debug.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.debug.config.DebugConfig;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Runs the student's code in code-execution's sandbox (through our sidecar: Dapr access control lets debug POST
 * {@code /internal/runs}) to get the error the student did not paste. No identity headers are sent: the run is
 * the tutor's, and code-execution then does not count it as the student's activity.
 */
@ApplicationScoped
public class SandboxClient {

    static final String APP_ID = "code-execution";

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final DebugConfig config;

    public SandboxClient(ServiceInvoker invoker, ObjectMapper mapper, DebugConfig config) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.config = config;
    }

    /** Transient trouble (sandbox busy, down, timed out): the request is worth retrying later. */
    public static class SandboxUnavailable extends RuntimeException {
        public SandboxUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** code-execution will never run this code (e.g. it is over a limit): retrying would not help. */
    public static class SandboxRefused extends RuntimeException {
        public SandboxRefused(String message) {
            super(message);
        }
    }

    public RunCodeResponse run(String code) {
        return run(new RunCodeRequest(code, "", null));
    }

    /** Any run: a program with its stdin and time limit (the diagnosis harness sends its payload as stdin). */
    public RunCodeResponse run(RunCodeRequest request) {
        ServiceInvoker.Reply reply;
        try {
            byte[] body = mapper.writeValueAsBytes(request);
            reply = invoker.invoke(new ServiceInvoker.Call(APP_ID, "POST", "/internal/runs", "application/json", body,
                    Map.of(), config.sandboxTimeout())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxUnavailable("interrupted", e);
        } catch (ExecutionException e) {
            throw new SandboxUnavailable("code-execution is not reachable: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (reply.status() == 200) {
            try {
                return mapper.readValue(reply.body(), RunCodeResponse.class);
            } catch (IOException e) {
                throw new SandboxUnavailable("unreadable reply from code-execution", e);
            }
        }
        if (reply.status() >= 400 && reply.status() < 500 && reply.status() != 429 && reply.status() != 408) {
            throw new SandboxRefused("code-execution refused the code (" + reply.status() + ")");
        }
        throw new SandboxUnavailable("code-execution answered " + reply.status(), null);
    }
}
