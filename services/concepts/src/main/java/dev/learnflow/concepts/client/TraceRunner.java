package dev.learnflow.concepts.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.concepts.config.ConceptsConfig;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Execution traces of examples, computed in code-execution's sandbox: the example is embedded into our tracer
 * harness ({@code concepts/tracer.py}, sys.settrace printing JSON) and that program is run through our sidecar
 * (Dapr access control lets concepts POST {@code /internal/runs}). Lessons are fixed, so each trace is computed
 * once and kept; a failed run is not kept and is tried again next time.
 */
@ApplicationScoped
public class TraceRunner {

    private static final Logger LOG = Logger.getLogger(TraceRunner.class);
    static final String APP_ID = "code-execution";
    static final String HARNESS = "concepts/tracer.py";
    static final String PLACEHOLDER = "__SOURCE_BASE64__";

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final ConceptsConfig config;
    private static final String HARNESS_SOURCE = harness();
    private final Map<String, JsonNode> traces = new ConcurrentHashMap<>();

    public TraceRunner(ServiceInvoker invoker, ObjectMapper mapper, ConceptsConfig config) {
        this.invoker = invoker;
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

    /** The program the sandbox runs: the harness with the example embedded (base64, so any text is safe). */
    public static String program(String example) {
        return HARNESS_SOURCE.replace(PLACEHOLDER,
                Base64.getEncoder().encodeToString(example.getBytes(StandardCharsets.UTF_8)));
    }

    private Outcome run(String example) {
        try {
            byte[] body = mapper.writeValueAsBytes(new RunCodeRequest(program(example), "", null));
            ServiceInvoker.Reply reply = invoker.invoke(new ServiceInvoker.Call(APP_ID, "POST", "/internal/runs",
                    "application/json", body, Map.of(), config.traceTimeout()))
                    .get(config.traceTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            if (reply.status() != 200) {
                return unavailable("code-execution answered " + reply.status());
            }
            RunCodeResponse run = mapper.readValue(reply.body(), RunCodeResponse.class);
            if (run.status() != ExecutionStatus.OK) {
                return unavailable("the traced run ended with " + run.status().value());
            }
            Optional<String> json = run.stdout() == null ? Optional.empty()
                    : run.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b);
            if (json.isEmpty()) {
                return unavailable("the tracer printed no trace");
            }
            return new Outcome(mapper.readTree(json.get()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        } catch (Exception e) {
            return unavailable("code-execution is not reachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Outcome unavailable(String reason) {
        LOG.debugf("No trace: %s", reason);
        return new Outcome(null, reason);
    }

    private static String harness() {
        try (InputStream in = TraceRunner.class.getClassLoader().getResourceAsStream(HARNESS)) {
            if (in == null) {
                throw new IllegalStateException(HARNESS + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
