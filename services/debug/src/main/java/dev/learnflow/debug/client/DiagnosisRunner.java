package dev.learnflow.debug.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.debug.config.DebugConfig;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.platform.clients.CodeExecutionClient;
import dev.learnflow.platform.clients.SandboxScript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the diagnosis harness ({@code debug/diagnose.py}) on the student's program in code-execution's sandbox
 * (platform's {@link CodeExecutionClient}). The harness travels as a {@link SandboxScript} (minified and
 * compressed behind a bootstrap); the program and its cases travel as the run's stdin.
 */
@ApplicationScoped
public class DiagnosisRunner {

    private static final Logger LOG = Logger.getLogger(DiagnosisRunner.class);
    static final String HARNESS = "debug/diagnose.py";
    /** The harness keeps itself under about 3.5 s; the sandbox's ceiling is 5 s. */
    static final int RUN_TIMEOUT_MS = Limits.RUN_TIMEOUT_MAX_MS;
    private static final SandboxScript SCRIPT = SandboxScript.load(DiagnosisRunner.class, HARNESS, true);

    private final CodeExecutionClient sandbox;
    private final ObjectMapper mapper;
    private final Duration callTimeout;

    @Inject
    public DiagnosisRunner(CodeExecutionClient sandbox, ObjectMapper mapper, DebugConfig config) {
        this(sandbox, mapper, config.sandboxTimeout());
    }

    /** Without a sandbox: for building the harness's program and stdin (tests run them with python3). */
    public DiagnosisRunner(CodeExecutionClient sandbox, ObjectMapper mapper, Duration callTimeout) {
        this.sandbox = sandbox;
        this.mapper = mapper;
        this.callTimeout = callTimeout;
    }

    /**
     * The harness's findings; empty when the program and its cases are too large to send, code-execution refused
     * the run, or the harness printed nothing usable.
     *
     * @throws CodeExecutionClient.Unavailable when the sandbox is busy, unreachable or failed (retry later)
     */
    public Optional<ProgramDiagnosis> diagnose(String code, List<TestCase> cases) {
        Optional<String> stdin = stdinFor(code, cases);
        if (stdin.isEmpty()) {
            return Optional.empty();
        }
        RunCodeResponse run;
        try {
            run = sandbox.run(new RunCodeRequest(program(), stdin.get(), RUN_TIMEOUT_MS), callTimeout);
        } catch (CodeExecutionClient.Refused e) {
            LOG.warnf("Diagnosis run refused: %s", e.getMessage());
            return Optional.empty();
        }
        if (run.status() == ExecutionStatus.SANDBOX_ERROR) {
            throw new CodeExecutionClient.Unavailable("the sandbox reported an internal error", false, null);
        }
        Optional<String> json = run.stdout() == null ? Optional.empty()
                : run.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b);
        if (json.isEmpty()) {
            LOG.warnf("Diagnosis harness printed nothing (%s): %s", run.status(),
                    run.stderr() == null ? "" : run.stderr().substring(0, Math.min(500, run.stderr().length())));
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json.get(), ProgramDiagnosis.class));
        } catch (IOException e) {
            LOG.warnf("Unreadable diagnosis: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** The sandbox program: the harness, compressed. */
    public static String program() {
        return SCRIPT.program();
    }

    /** The harness's stdin: a JSON header line, then the program and its cases as JSON. */
    public Optional<String> stdinFor(String code, List<TestCase> cases) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("cases", cases);
        try {
            return SandboxScript.stdinFor(mapper.writeValueAsString(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
