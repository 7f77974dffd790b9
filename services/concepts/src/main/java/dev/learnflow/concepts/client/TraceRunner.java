package dev.learnflow.concepts.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.concepts.config.ConceptsConfig;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.platform.clients.CodeExecutionClient;
import dev.learnflow.platform.text.ClasspathText;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Execution traces of examples, computed in code-execution's sandbox: the example is embedded into our tracer
 * harness ({@code concepts/tracer.py}, sys.settrace printing JSON) and that program is run through platform's
 * {@link CodeExecutionClient} (Dapr access control lets concepts POST {@code /internal/runs}). Lessons are fixed,
 * so each trace is computed once and kept; a failed run is not kept and is tried again next time.
 */
@ApplicationScoped
public class TraceRunner {

    private static final Logger LOG = Logger.getLogger(TraceRunner.class);
    static final String HARNESS = "concepts/tracer.py";
    static final String PLACEHOLDER = "__SOURCE_BASE64__";
    private static final String HARNESS_SOURCE = ClasspathText.read(TraceRunner.class, HARNESS);

    private final CodeExecutionClient sandbox;
    private final ObjectMapper mapper;
    private final ConceptsConfig config;
    private final Map<String, JsonNode> traces = new ConcurrentHashMap<>();

    public TraceRunner(CodeExecutionClient sandbox, ObjectMapper mapper, ConceptsConfig config) {
        this.sandbox = sandbox;
        this.mapper = mapper;
        this.config = config;
    }

    /** A trace, or why there is none. */
    public record Outcome(JsonNode trace, String unavailableBecause) {
    }

    public Outcome trace(String example) {
        String key = sha256(example);
        JsonNode cached = traces.get(key);
        if (cached != null) {
            return new Outcome(cached, null);
        }
        Outcome outcome = run(example);
        if (outcome.trace() != null) {
            traces.put(key, outcome.trace());
        }
        return outcome;
    }

    /**
     * A trace of code run once and not kept (a student's own code: kept traces would grow with every question).
     * A failed run gives the reason instead.
     */
    public Outcome traceOnce(String code) {
        return run(code);
    }

    /** The program the sandbox runs: the harness with the example embedded (base64, so any text is safe). */
    public static String program(String example) {
        return HARNESS_SOURCE.replace(PLACEHOLDER,
                Base64.getEncoder().encodeToString(example.getBytes(StandardCharsets.UTF_8)));
    }

    private Outcome run(String example) {
        RunCodeResponse run;
        try {
            run = sandbox.run(new RunCodeRequest(program(example), "", null), config.traceTimeout());
        } catch (CodeExecutionClient.Refused e) {
            return unavailable("code-execution answered " + e.status());
        } catch (CodeExecutionClient.Unavailable e) {
            return unavailable("code-execution is not available (" + e.getMessage() + ")");
        }
        if (run.status() != ExecutionStatus.OK) {
            return unavailable("the traced run ended with " + run.status().value());
        }
        Optional<String> json = run.stdout() == null ? Optional.empty()
                : run.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b);
        if (json.isEmpty()) {
            return unavailable("the tracer printed no trace");
        }
        try {
            return new Outcome(mapper.readTree(json.get()), null);
        } catch (IOException e) {
            return unavailable("the tracer printed no readable trace");
        }
    }

    private static Outcome unavailable(String reason) {
        LOG.debugf("No trace: %s", reason);
        return new Outcome(null, reason);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
