package dev.learnflow.codereview.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.codereview.config.ReviewConfig;
import dev.learnflow.codereview.domain.Finding;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.codereview.domain.Analysis;
import dev.learnflow.platform.clients.CodeExecutionClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the review script on the student's code in the code-execution sandbox (through our sidecar), so the
 * untrusted program is parsed by a sandboxed python3 only. No identity headers are passed on: the analysis is
 * not a run by the student and must not show up in their activity.
 */
@ApplicationScoped
public class ReviewSandbox {

    private static final Logger LOG = Logger.getLogger(ReviewSandbox.class);

    private final CodeExecutionClient sandbox;
    private final ObjectMapper mapper;
    private final ReviewConfig config;

    @Inject
    public ReviewSandbox(CodeExecutionClient sandbox, ObjectMapper mapper, ReviewConfig config) {
        this.sandbox = sandbox;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * @throws CodeExecutionClient.Unavailable when the sandbox is down, busy or failed on its side (retry later)
     */
    public Analysis analyse(String code) {
        Optional<String> stdin = ReviewScript.stdinFor(code);
        if (stdin.isEmpty()) {
            return Analysis.failed("the program is too long to review");
        }
        RunCodeResponse run = call(new RunCodeRequest(ReviewScript.program(), stdin.get(), config.runTimeoutMs()));
        if (run.status() == ExecutionStatus.SANDBOX_ERROR) {
            throw new CodeExecutionClient.Unavailable("the sandbox reported an internal error", false, null);
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
        try {
            return sandbox.run(request, config.sandboxCallTimeout());
        } catch (CodeExecutionClient.Refused e) {
            // We build the request within the limits: a refusal is code-execution's state, not the student's code.
            throw new CodeExecutionClient.Unavailable(e.getMessage(), false, e);
        }
    }

    Analysis parse(String stdout) {
        try {
            JsonNode root = mapper.readTree(stdout);
            if (root == null || !root.has("findings")) {
                throw new CodeExecutionClient.Unavailable("review script printed no findings", false, null);
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
