package dev.learnflow.local.sidecar.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.learnflow.local.sidecar.SidecarThreads;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small app for the sidecar to talk to: a JDK HTTP server whose routes each test sets (exact path, or a prefix
 * ending in "*"). Every request is recorded. Unknown paths answer 404.
 */
public final class TestApp implements AutoCloseable {

    /** One request as the app received it. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The app's answer. */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Response json(int status, String json) {
            return new Response(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Response text(int status, String text) {
            return new Response(status, "text/plain", text.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Response empty(int status) {
            return new Response(status, null, new byte[0], Map.of());
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> SidecarThreads.daemon("test-app", r));
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    public TestApp() throws IOException {
        this(0);
    }

    public TestApp(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        route("/dapr/subscribe", r -> Response.json(200, "[]"));
        route("/dapr/config", r -> Response.json(200, "{\"entities\":[]}"));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public TestApp route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    private Handler find(String path) {
        Handler h = routes.get(path);
        if (h != null) {
            return h;
        }
        String best = null;
        for (String k : routes.keySet()) {
            if (k.endsWith("*") && path.startsWith(k.substring(0, k.length() - 1))
                    && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best == null ? null : routes.get(best);
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            String path = ex.getRequestURI().getRawPath();
            Request r = new Request(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), headers, body);
            requests.add(r);
            Handler h = find(path);
            Response resp;
            try {
                resp = h == null ? Response.text(404, "not found") : h.handle(r);
            } catch (Exception e) {
                resp = Response.text(500, String.valueOf(e));
            }
            if (resp.contentType() != null) {
                ex.getResponseHeaders().set("Content-Type", resp.contentType());
            }
            resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            if (resp.body().length == 0) {
                ex.sendResponseHeaders(resp.status(), -1);
            } else {
                ex.sendResponseHeaders(resp.status(), resp.body().length);
                ex.getResponseBody().write(resp.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
