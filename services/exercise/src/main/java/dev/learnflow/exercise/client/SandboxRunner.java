package dev.learnflow.exercise.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.RunTestsRequest;
import dev.learnflow.contracts.api.RunTestsResponse;
import dev.learnflow.contracts.domain.TestCase;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.exercise.config.ExerciseConfig;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs code against test cases in code-execution ({@code POST /internal/runs/tests}) through our sidecar. Hidden
 * tests go there directly, service to service, and never through any public response. No identity headers are
 * passed: the exercise service itself reports the graded attempt on progress.events.
 */
@ApplicationScoped
public class SandboxRunner {

    private static final Logger LOG = Logger.getLogger(SandboxRunner.class);
    private static final String TESTS_PATH = "/internal/runs/tests";

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final ExerciseConfig config;

    @Inject
    public SandboxRunner(ServiceInvoker invoker, ObjectMapper mapper, ExerciseConfig config) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * @throws SandboxUnavailableException when the sandbox cannot grade now
     * @throws IllegalArgumentException    when code-execution rejects the request (a malformed test case)
     */
    public RunTestsResponse run(String code, List<TestCase> tests, int timeLimitMs, int memoryLimitMb) {
        RunTestsRequest request = new RunTestsRequest(code, tests,
                clamp(timeLimitMs, Limits.RUN_TIMEOUT_MIN_MS, Limits.RUN_TIMEOUT_MAX_MS),
                clamp(memoryLimitMb, Limits.MEMORY_MIN_MB, Limits.MEMORY_MAX_MB));
        ServiceInvoker.Reply reply;
        try {
            reply = invoker.invoke(new ServiceInvoker.Call(config.sandboxAppId(), "POST", TESTS_PATH,
                            "application/json", mapper.writeValueAsBytes(request), Map.of("Accept", "application/json"),
                            config.sandboxCallTimeout()))
                    .get(config.sandboxCallTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxUnavailableException("interrupted while waiting for the sandbox", false);
        } catch (ExecutionException | TimeoutException e) {
            throw new SandboxUnavailableException("sandbox not reachable: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.toString()), false);
        }
        if (reply.status() == 200) {
            try {
                RunTestsResponse response = mapper.readValue(reply.body(), RunTestsResponse.class);
                if (response.results().size() != tests.size()) {
                    throw new SandboxUnavailableException("sandbox returned " + response.results().size()
                            + " results for " + tests.size() + " tests", false);
                }
                return response;
            } catch (IOException e) {
                throw new SandboxUnavailableException("unreadable sandbox reply: " + e.getMessage(), false);
            }
        }
        if (reply.status() == 400) {
            LOG.warnf("code-execution rejected a test run: %s", reply.bodyText());
            throw new IllegalArgumentException("the sandbox rejected the test cases: " + abbreviate(reply.bodyText()));
        }
        throw new SandboxUnavailableException("sandbox answered " + reply.status() + ": "
                + abbreviate(reply.bodyText()), reply.status() == 429);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
