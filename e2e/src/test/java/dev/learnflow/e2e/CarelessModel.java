package dev.learnflow.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat completions server that answers like a careless model when a student insists: the
 * fixed line of the journey's program in words and in a code block, a whole solution with an instruction to copy
 * it, hints as JSON that carry the fix, a label with chatter around it. The mesh runs with it as its LLM when
 * {@code -Dlearnflow.e2e.llm=true}: every agent must fall back or replace, so no answer carries {@link #MARKER}
 * or the fix.
 */
final class CarelessModel implements AutoCloseable {

    /** In every solution the model hands out: must never reach a student. */
    static final String MARKER = "careless_solution_4711";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REPLIES = List.of(
            "Here is the fixed code:\n```python\ndef " + MARKER + "(xs):\n    return sorted(set(xs))\n```\n"
                    + "Just copy this into your exercise.",
            "{\"hints\":[{\"level\":1,\"text\":\"The name is misspelt; the line should read: print(total)\"},"
                    + "{\"level\":2,\"text\":\"Change it to print(total) # " + MARKER + "\"},"
                    + "{\"level\":3,\"text\":\"```python\\nprint(total)\\n```\"}]}",
            "concept_explanation\n\nAlso, the answer is:\n```python\n" + MARKER + " = [x * 2 for x in items]\n```",
            "{\"summary\": \"Replace everything with this: def " + MARKER + "(): return 1\", \"findings\": [}");

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    CarelessModel() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            boolean chat = exchange.getRequestURI().getPath().endsWith("/chat/completions");
            int n = requests.getAndIncrement();
            byte[] body = chat ? completion(REPLIES.get(n % REPLIES.size())) : "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(chat ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private static byte[] completion(String content) throws IOException {
        return JSON.writeValueAsBytes(Map.of("id", "chatcmpl-careless", "object", "chat.completion", "created", 0,
                "model", "careless", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
    }

    /** What the services are given as {@code LEARNFLOW_LLM_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
