package dev.learnflow.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionError;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.local.testing.MeshPeers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * code-execution's {@code POST /internal/runs} answered by really running the program with the machine's python3
 * (the interpreter the sandbox uses, in the same isolated mode), with its stdin and time limit. It answers every
 * run that no more specific stub of a test claims.
 */
final class PythonSandbox implements ResponseDefinitionTransformerV2 {

    static final String NAME = "python-runs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAST_LINE = Pattern.compile("File \"main\\.py\", line (\\d+)");
    private static final int OUTPUT_MAX = 64 * 1024;

    /** The code-execution peer of the mesh, running programs for real. */
    static WireMockServer peer() {
        WireMockServer server = MeshPeers.peer("code-execution", new PythonSandbox());
        server.stubFor(post(urlPathEqualTo("/internal/runs")).atPriority(10)
                .willReturn(aResponse().withTransformers(NAME)));
        return server;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        try {
            JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            int timeout = request.path("timeoutMs").asInt(5000);
            RunCodeResponse response = run(request.path("code").asText(), request.path("stdin").asText(""),
                    timeout);
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(response)).build();
        } catch (IOException e) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(500).withBody(e.toString()).build();
        }
    }

    static RunCodeResponse run(String code, String stdin, int timeoutMs) {
        try {
            Path dir = Files.createTempDirectory("lf-sandbox");
            Files.writeString(dir.resolve("main.py"), code);
            Path in = dir.resolve("stdin.txt");
            Files.writeString(in, stdin);
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            long started = System.nanoTime();
            // A file-size limit stands in for the sandbox's output limit (an endless print loop stops there).
            // CPU seconds stand for the sandbox's time limit: on a shared test machine wall time says little.
            Process process = new ProcessBuilder("bash", "-c", "ulimit -f " + OUTPUT_MAX / 512 + " -t "
                    + (timeoutMs + 999) / 1000 + " && exec "
                    + Python.command() + " -I -S -B main.py").directory(dir.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished = process.waitFor(timeoutMs * 6L, TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            long wall = (System.nanoTime() - started) / 1_000_000;
            String stdout = read(out);
            String stderr = read(err);
            boolean truncated = stdout.length() >= OUTPUT_MAX || stderr.length() >= OUTPUT_MAX;
            boolean outOfCpu = finished && process.exitValue() == 128 + 9 || finished && process.exitValue() == 128 + 24;
            ExecutionStatus status = !finished || outOfCpu ? ExecutionStatus.TIMEOUT
                    : truncated ? ExecutionStatus.OUTPUT_LIMIT
                    : process.exitValue() == 0 ? ExecutionStatus.OK : ExecutionStatus.RUNTIME_ERROR;
            return new RunCodeResponse(cut(stdout), cut(stderr), finished ? process.exitValue() : null, status, wall,
                    wall, status == ExecutionStatus.RUNTIME_ERROR ? exception(stderr) : null, truncated);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ExecutionError exception(String stderr) {
        String[] lines = stderr.strip().split("\n");
        String last = lines[lines.length - 1];
        int colon = last.indexOf(':');
        Integer line = null;
        Matcher m = LAST_LINE.matcher(stderr);
        while (m.find()) {
            line = Integer.valueOf(m.group(1));
        }
        return new ExecutionError(colon > 0 ? last.substring(0, colon) : last,
                colon > 0 ? last.substring(colon + 1).strip() : "", line);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String cut(String text) {
        return text.length() > OUTPUT_MAX ? text.substring(0, OUTPUT_MAX) : text;
    }
}
