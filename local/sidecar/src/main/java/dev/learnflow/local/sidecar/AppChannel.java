package dev.learnflow.local.sidecar;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/** The sidecar's HTTP channel to its app (127.0.0.1:appPort), adding dapr-api-token when one is configured. */
public final class AppChannel {

    /** Headers a proxy must not forward (RFC 9110 §7.6.1), plus the sidecar's own token. */
    public static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection", "host",
            "content-length", "dapr-api-token");

    /** A reply from the app. */
    public record Reply(int status, MultiMap headers, byte[] body) {
        public String contentType() {
            return headers.get("content-type");
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final String host;
    private final int port;
    private final String appApiToken;

    AppChannel(Vertx vertx, HttpClient client, String host, int port, String appApiToken) {
        this.vertx = vertx;
        this.client = client;
        this.host = host;
        this.port = port;
        this.appApiToken = appApiToken;
    }

    public int port() {
        return port;
    }

    /** One request to the app; the future fails on connection errors and timeouts. */
    public CompletableFuture<Reply> call(String method, String uri, MultiMap headers, byte[] body, Duration timeout) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        if (headers != null) {
            for (Map.Entry<String, String> e : headers) {
                if (!HOP_BY_HOP.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    h.add(e.getKey(), e.getValue());
                }
            }
        }
        if (appApiToken != null) {
            h.set("dapr-api-token", appApiToken);
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setHost(host).setPort(port)
                .setURI(uri.startsWith("/") ? uri : "/" + uri).setHeaders(h)
                .setConnectTimeout(Math.min(timeout.toMillis(), 5_000)).setIdleTimeout(timeout.toMillis());
        CompletableFuture<Reply> result = new CompletableFuture<>();
        // The overall bound (waiting for a pooled connection included) is a Vert.x timer: on an event loop it is
        // a task of that loop, where CompletableFuture.orTimeout, used before, handed every call to the JDK's
        // delayer thread and back (a thread wake-up per invocation; issue 19's request path).
        long timer;
        try {
            timer = vertx.setTimer(timeout.toMillis() + 1_000,
                    ignored -> result.completeExceptionally(new TimeoutException()));
        } catch (RuntimeException closing) {
            // Vert.x is shutting down: fail like a call on a closed client does.
            return CompletableFuture.failedFuture(closing);
        }
        // Nested, not chained: the body handler must be in place before the response's data can arrive. Chained
        // (request.compose(send).compose(body)) from a caller that is not a Vert.x thread, the second compose is
        // attached after the request is already on its way; a caller descheduled in between (a loaded machine)
        // attached it after the response had ended, and the app's body was read as empty: a delivery answered
        // {"status":"RETRY"} counted as SUCCESS and the event was dropped.
        client.request(options)
                .compose(req -> req.send(body == null ? Buffer.buffer() : Buffer.buffer(body))
                        .compose(resp -> bodyOf(resp).map(b -> new Reply(resp.statusCode(), resp.headers(), b))))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.succeeded()) {
                        result.complete(ar.result());
                    } else {
                        result.completeExceptionally(ar.cause());
                    }
                });
        return result;
    }

    /**
     * The app's body as one array, copied once from the chunks into an array of the announced Content-Length:
     * {@code resp.body()} grew a buffer chunk by chunk and was copied out again, the bench JVM's largest allocation
     * on the invocation path (issue 19), paid for in young collections that stop every sidecar at once.
     */
    static io.vertx.core.Future<byte[]> bodyOf(io.vertx.core.http.HttpClientResponse response) {
        io.vertx.core.Promise<byte[]> body = io.vertx.core.Promise.promise();
        String announced = response.getHeader("Content-Length");
        int length = -1;
        if (announced != null && !announced.isEmpty() && announced.length() <= 8) {
            try {
                length = Integer.parseInt(announced);
            } catch (NumberFormatException notANumber) {
                length = -1;
            }
        }
        byte[][] bytes = {new byte[Math.max(length, 0)]};
        int[] filled = {0};
        response.handler(chunk -> {
            int n = chunk.length();
            if (filled[0] + n > bytes[0].length) {
                bytes[0] = java.util.Arrays.copyOf(bytes[0], Math.max(filled[0] + n, bytes[0].length * 2));
            }
            chunk.getBytes(0, n, bytes[0], filled[0]);
            filled[0] += n;
        });
        response.exceptionHandler(body::tryFail);
        response.endHandler(ignored -> body.tryComplete(filled[0] == bytes[0].length ? bytes[0]
                : java.util.Arrays.copyOf(bytes[0], filled[0])));
        return body.future();
    }

    public CompletableFuture<Reply> call(String method, String uri, Map<String, String> headers, byte[] body,
                                         Duration timeout) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        if (headers != null) {
            headers.forEach(h::add);
        }
        return call(method, uri, h, body, timeout);
    }

    static MultiMap headers(String... kv) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            h.add(kv[i], kv[i + 1]);
        }
        return h;
    }

    static List<String> list(String... items) {
        return List.of(items);
    }
}
