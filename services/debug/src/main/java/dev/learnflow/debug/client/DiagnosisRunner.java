package dev.learnflow.debug.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.domain.TestCase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * Runs the diagnosis harness ({@code debug/diagnose.py}) on the student's program in code-execution's sandbox. The
 * harness is larger than a run's code limit, so it travels compressed behind a one-line bootstrap; the program and
 * its cases travel as the run's stdin (plain when they fit, compressed otherwise). The only place that knows how
 * the sandbox is called for a diagnosis: swapping the sandbox client touches {@link #execute} alone.
 */
@ApplicationScoped
public class DiagnosisRunner {

    private static final Logger LOG = Logger.getLogger(DiagnosisRunner.class);
    static final String HARNESS = "debug/diagnose.py";
    /** The harness keeps itself under about 3.5 s; the sandbox's ceiling is 5 s. */
    static final int RUN_TIMEOUT_MS = Limits.RUN_TIMEOUT_MAX_MS;
    private static final String PROGRAM = bootstrap(load());

    private final SandboxClient sandbox;
    private final ObjectMapper mapper;

    public DiagnosisRunner(SandboxClient sandbox, ObjectMapper mapper) {
        this.sandbox = sandbox;
        this.mapper = mapper;
    }

    /**
     * The harness's findings; empty when the program and its cases are too large to send, or the harness printed
     * nothing usable. A busy or unreachable sandbox throws {@link SandboxClient.SandboxUnavailable} (retry later).
     */
    public Optional<ProgramDiagnosis> diagnose(String code, List<TestCase> cases) {
        Optional<String> stdin = stdinFor(code, cases);
        if (stdin.isEmpty()) {
            return Optional.empty();
        }
        RunCodeResponse run;
        try {
            run = execute(new RunCodeRequest(PROGRAM, stdin.get(), RUN_TIMEOUT_MS));
        } catch (SandboxClient.SandboxRefused e) {
            LOG.warnf("Diagnosis run refused: %s", e.getMessage());
            return Optional.empty();
        }
        if (run.status() == ExecutionStatus.SANDBOX_ERROR) {
            throw new SandboxClient.SandboxUnavailable("the sandbox reported an internal error", null);
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

    private RunCodeResponse execute(RunCodeRequest request) {
        return sandbox.run(request);
    }

    /** The sandbox program: the harness, compressed. */
    public static String program() {
        return PROGRAM;
    }

    /** The harness's stdin: a JSON header line, then the program and its cases as JSON. */
    public Optional<String> stdinFor(String code, List<TestCase> cases) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("cases", cases);
        String body;
        try {
            body = mapper.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String plain = "{\"encoding\":\"plain\"}\n" + body;
        if (plain.length() <= Limits.STDIN_MAX) {
            return Optional.of(plain);
        }
        String packed = "{\"encoding\":\"zlib+base64\"}\n" + compress(body.getBytes(StandardCharsets.UTF_8));
        return packed.length() <= Limits.STDIN_MAX ? Optional.of(packed) : Optional.empty();
    }

    /** Full-line comments and one-line docstrings are for readers of the resource, not for the sandbox. */
    static String minified(String source) {
        StringBuilder out = new StringBuilder();
        for (String line : source.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")
                    || stripped.length() >= 6 && stripped.startsWith("\"\"\"") && stripped.endsWith("\"\"\"")) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String bootstrap(byte[] harness) {
        byte[] small = minified(new String(harness, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String program = "import base64, zlib\nexec(compile(zlib.decompress(base64.b64decode('" + compress(small)
                + "')), 'diagnose.py', 'exec'))\n";
        if (program.length() > Limits.CODE_MAX) {
            throw new IllegalStateException(HARNESS + " compressed is " + program.length()
                    + " characters, over the sandbox's code limit of " + Limits.CODE_MAX);
        }
        return program;
    }

    private static String compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static byte[] load() {
        try (InputStream in = DiagnosisRunner.class.getClassLoader().getResourceAsStream(HARNESS)) {
            if (in == null) {
                throw new IllegalStateException(HARNESS + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
