package dev.learnflow.platform.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.api.RunTestsRequest;
import dev.learnflow.contracts.api.RunTestsResponse;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * code-execution's sandbox for other services, through our sidecar ({@code POST /internal/runs} and
 * {@code /internal/runs/tests}; Dapr access control says who may). No identity headers are sent: these runs are
 * the tutor's, so code-execution does not count them as the student's activity. Two kinds of failure:
 * {@link Unavailable} (down, busy, timed out: worth retrying later) and {@link Refused} (code-execution will
 * never run this request: retrying would not help).
 */
@ApplicationScoped
public class CodeExecutionClient {

    static final String RUNS_PATH = "/internal/runs";
    static final String TESTS_PATH = "/internal/runs/tests";
    /** Extra wait beyond the call's own timeout, so the sidecar's answer wins over our give-up. */
    private static final long GRACE_MS = 1_000;

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final String appId;

    @Inject
    public CodeExecutionClient(ServiceInvoker invoker, ObjectMapper mapper,
                               @ConfigProperty(name = "learnflow.code-execution.app-id",
                                       defaultValue = "code-execution") String appId) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.appId = appId;
    }

    /** Transient trouble: the sandbox is down, busy ({@link #busy()}), slow or answered nonsense. */
    public static class Unavailable extends RuntimeException {
        private final boolean busy;

        public Unavailable(String message, boolean busy, Throwable cause) {
            super(message, cause);
            this.busy = busy;
        }

        /** code-execution said it is at capacity (429). */
        public boolean busy() {
            return busy;
        }
    }

    /** code-execution refused the request (a 4xx other than 408/429): the same request will never run. */
    public static class Refused extends RuntimeException {
        private final int status;

        /** The message keeps the start of code-execution's answer ({@code body}) for the log. */
        public Refused(int status, String body) {
            super("code-execution refused the request (" + status + "): " + abbreviate(body));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Runs one program. */
    public RunCodeResponse run(RunCodeRequest request, Duration timeout) {
        return post(RUNS_PATH, request, RunCodeResponse.class, timeout);
    }

    /** Runs code against test cases; one result per test case. */
    public RunTestsResponse runTests(RunTestsRequest request, Duration timeout) {
        RunTestsResponse response = post(TESTS_PATH, request, RunTestsResponse.class, timeout);
        if (response.results() == null || response.results().size() != request.tests().size()) {
            throw new Unavailable("sandbox returned " + (response.results() == null ? 0 : response.results().size())
                    + " results for " + request.tests().size() + " tests", false, null);
        }
        return response;
    }

    private <T> T post(String path, Object request, Class<T> answer, Duration timeout) {
        ServiceInvoker.Reply reply;
        try {
            byte[] body = mapper.writeValueAsBytes(request);
            reply = invoker.invoke(new ServiceInvoker.Call(appId, "POST", path, "application/json", body,
                            Map.of("Accept", "application/json"), timeout))
                    .get(timeout.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the sandbox", false, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Unavailable("sandbox not reachable: " + cause.getMessage(), false, e);
        }
        int status = reply.status();
        if (status == 200) {
            try {
                return mapper.readValue(reply.body(), answer);
            } catch (IOException e) {
                throw new Unavailable("unreadable sandbox reply: " + e.getMessage(), false, e);
            }
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new Refused(status, reply.bodyText());
        }
        throw new Unavailable("sandbox answered " + status + ": " + abbreviate(reply.bodyText()), status == 429, null);
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
