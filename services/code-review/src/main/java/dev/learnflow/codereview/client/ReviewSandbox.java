package dev.learnflow.codereview.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.codereview.config.ReviewConfig;
import dev.learnflow.codereview.service.Finding;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.platform.dapr.ServiceInvoker;
import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the review script on the student's code in the code-execution sandbox (through our sidecar), so the
 * untrusted program is parsed by a sandboxed python3 only. No identity headers are passed on: the analysis is
 * not a run by the student and must not show up in their activity.
 */
@ApplicationScoped
public class ReviewSandbox {

    private static final Logger LOG = Logger.getLogger(ReviewSandbox.class);
    private static final String RUNS_PATH = "/internal/runs";

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final ReviewConfig config;

    @Inject
    public ReviewSandbox(ServiceInvoker invoker, ObjectMapper mapper, ReviewConfig config) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * @throws SandboxUnavailableException when the sandbox is down, busy or failed on its side (retry later)
     */
    public Analysis analyse(String code) {
        Optional<String> stdin = ReviewScript.stdinFor(code);
        if (stdin.isEmpty()) {
            return Analysis.failed("the program is too long to review");
        }
        RunCodeResponse run = call(new RunCodeRequest(ReviewScript.program(), stdin.get(), config.runTimeoutMs()));
        if (run.status() == ExecutionStatus.SANDBOX_ERROR) {
            throw new SandboxUnavailableException("the sandbox reported an internal error");
        }
        if (run.status() != ExecutionStatus.OK) {
            // The student's code is only parsed, never run: this means it is pathological (huge, deeply nested).
            LOG.warnf("Review script ended with %s: %s", run.status(), abbreviate(run.stderr()));
            return Analysis.failed(run.status() == ExecutionStatus.TIMEOUT
                    ? "the analysis took too long" : "the analysis could not finish (" + run.status() + ")");
        }
        return parse(run.stdout());
    }

    private RunCodeResponse call(RunCodeRequest request) {
        ServiceInvoker.Reply reply;
        try {
            byte[] body = mapper.writeValueAsBytes(request);
            reply = invoker.invoke(new ServiceInvoker.Call(config.sandboxAppId(), "POST", RUNS_PATH,
                            "application/json", body, Map.of("Accept", "application/json"),
                            config.sandboxCallTimeout()))
                    .get(config.sandboxCallTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxUnavailableException("interrupted while waiting for the sandbox");
        } catch (ExecutionException | CompletionException | TimeoutException e) {
            Throwable cause = e.getCause() instanceof ApiException api ? api : e;
            throw new SandboxUnavailableException("sandbox not reachable: " + cause.getMessage());
        }
        if (reply.status() == 200) {
            try {
                return mapper.readValue(reply.body(), RunCodeResponse.class);
            } catch (java.io.IOException e) {
                throw new SandboxUnavailableException("unreadable sandbox reply: " + e.getMessage());
            }
        }
        // 400 would be our bug (the request is built within the limits); everything else is the sandbox's state.
        throw new SandboxUnavailableException("sandbox answered " + reply.status() + ": "
                + abbreviate(reply.bodyText()));
    }

    Analysis parse(String stdout) {
        try {
            JsonNode root = mapper.readTree(stdout);
            if (root == null || !root.has("findings")) {
                throw new SandboxUnavailableException("review script printed no findings");
            }
            List<Finding> findings = mapper.convertValue(root.get("findings"), new TypeReference<>() {
            });
            Map<String, Object> stats = root.has("stats")
                    ? mapper.convertValue(root.get("stats"), new TypeReference<>() {
                    })
                    : Map.of();
            if (root.hasNonNull("error")) {
                return Analysis.failed(root.get("error").asText());
            }
            return new Analysis(findings, stats, null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("review script output is not valid JSON: " + abbreviate(stdout), e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
