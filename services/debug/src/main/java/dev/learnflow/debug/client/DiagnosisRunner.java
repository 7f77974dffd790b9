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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    static final String REASONS_FILE = "debug/finding-reasons.properties";
    private static final Properties REASONS = reasons();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

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
            return Optional.of(worded(mapper.readValue(json.get(), ProgramDiagnosis.class)));
        } catch (IOException e) {
            LOG.warnf("Unreadable diagnosis: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The harness names why it points at a line by a key ({@code range}, {@code shadowed}, ...): its compressed size is
     * capped by the sandbox's code limit. The words live in {@code debug/finding-reasons.properties}; an unknown key
     * is kept as it is.
     */
    public static ProgramDiagnosis worded(ProgramDiagnosis diagnosis) {
        List<ProgramDiagnosis.Finding> findings = diagnosis.findings().stream()
                .map(f -> new ProgramDiagnosis.Finding(f.category(), f.line(), f.confirmed(), f.repaired(),
                        words(f.message(), f.detail()), f.prior(), f.detail()))
                .toList();
        List<ProgramDiagnosis.SuspiciousLine> suspicious = diagnosis.suspicious().stream()
                .map(s -> new ProgramDiagnosis.SuspiciousLine(s.line(), s.score(), words(s.reason(),
                        diagnosis.findings().stream().filter(f -> f.line() == s.line()
                                && Objects.equals(f.message(), s.reason())).findFirst()
                                .map(ProgramDiagnosis.Finding::detail).orElse(null))))
                .toList();
        return new ProgramDiagnosis(diagnosis.cases(), diagnosis.failing(), diagnosis.trace(), findings, suspicious,
                diagnosis.category(), diagnosis.loop(), diagnosis.error());
    }

    private static String words(String key, Map<String, Object> detail) {
        String text = key == null ? null : REASONS.getProperty(key);
        if (text == null) {
            return key;
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            Object value = detail == null ? null : detail.get(placeholder.group(1));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value == null ? "it" : value.toString()));
        }
        return placeholder.appendTail(out).toString();
    }

    private static Properties reasons() {
        Properties properties = new Properties();
        try (InputStream in = DiagnosisRunner.class.getClassLoader().getResourceAsStream(REASONS_FILE)) {
            if (in == null) {
                throw new IllegalStateException(REASONS_FILE + " is missing from the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The sandbox program: the harness, compressed. */
    public static String program() {
        return SCRIPT.program();
    }

    /**
     * The harness's stdin: a JSON header line, then the program and its cases as JSON (after the harness's own last
     * compressed characters, should it outgrow the code limit: {@link SandboxScript#stdinWith}).
     */
    public Optional<String> stdinFor(String code, List<TestCase> cases) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("cases", cases);
        try {
            return SCRIPT.stdinWith(mapper.writeValueAsString(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
