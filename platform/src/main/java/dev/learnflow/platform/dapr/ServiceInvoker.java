package dev.learnflow.platform.dapr;

import dev.learnflow.platform.errors.ApiException;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Service invocation the way Dapr recommends: plain HTTP to our own sidecar with a {@code dapr-app-id} header
 * naming the target app. The sidecar finds the target, applies access control and forwards the call.
 *
 * <p>The calls go out on Vert.x's HTTP client (kept-alive connections, no practical cap on them) on the app's own
 * event loops, which the app already runs: java.net.http, used before, added two threads of its own to every call
 * (a selector and a worker to complete it), ~14 % of the gateway's CPU under load (issue 19's profile). Each call
 * runs on one of a few event-loop contexts of this invoker, never on the caller's: callers block on the answer on
 * their worker threads, and the answer must not need the thread that waits for it. Non-blocking callers on an event
 * loop use {@link #invokeNonBlocking}, which stays on their loop.
 */
@ApplicationScoped
public class ServiceInvoker {

    public static final String APP_ID_HEADER = "dapr-app-id";
    public static final String API_TOKEN_HEADER = "dapr-api-token";
    /** Connections to the sidecar: as daprd's Go client, no practical cap (waiting calls would queue for one). */
    static final int MAX_CONNECTIONS = 1024;
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int LOOPS = 2;

    private final DaprClients dapr;
    private final Vertx vertx;
    private final boolean ownVertx;
    private final HttpClient http;
    private final Context[] loops;
    private final AtomicInteger next = new AtomicInteger();
    private volatile Sidecar sidecar;

    private record Sidecar(String url, String host, int port, boolean tls, String basePath) {
        static Sidecar of(String url) {
            URI uri = URI.create(url);
            boolean tls = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
            String base = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
            return new Sidecar(url, uri.getHost(), port, tls, base);
        }
    }

    @Inject
    public ServiceInvoker(DaprClients dapr, Vertx vertx) {
        this(dapr, vertx, false);
    }

    /** Outside an app (plain tests): with a Vert.x instance of its own. */
    public ServiceInvoker(DaprClients dapr) {
        this(dapr, Vertx.vertx(), true);
    }

    private ServiceInvoker(DaprClients dapr, Vertx vertx, boolean ownVertx) {
        this.dapr = dapr;
        this.vertx = vertx;
        this.ownVertx = ownVertx;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(30)
                        .setTcpNoDelay(true).setConnectTimeout(CONNECT_TIMEOUT_MS),
                new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
        this.loops = new Context[LOOPS];
        for (int i = 0; i < LOOPS; i++) {
            loops[i] = ((VertxInternal) vertx).createEventLoopContext();
        }
    }

    /** One call to another app: method is the path on the target, e.g. {@code "api/runs"}. */
    public record Call(String appId, String httpMethod, String path, String contentType, byte[] body,
                       Map<String, String> headers, Duration timeout) {
    }

    /** The target's reply as the sidecar relayed it; header names are matched ignoring case. */
    public record Reply(int status, String contentType, byte[] body, Map<String, java.util.List<String>> headers) {
        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * One call, for callers that may block on the answer (worker threads): it goes out on one of this invoker's
     * event loops, never on the caller's.
     */
    public CompletableFuture<Reply> invoke(Call call) {
        RequestOptions options = options(call);
        CompletableFuture<Reply> result = new CompletableFuture<>();
        loop().runOnContext(ignored -> send(call, options, result));
        return result;
    }

    /**
     * One call, for callers that never block on the answer (non-blocking routes on an event loop): it goes out on
     * the caller's own event loop and the answer completes there, with no hand-over to another thread and back
     * (issue 19: the gateway's routes). Off an event loop it is {@link #invoke}.
     */
    public CompletableFuture<Reply> invokeNonBlocking(Call call) {
        if (!Context.isOnEventLoopThread() || Vertx.currentContext() == null) {
            return invoke(call);
        }
        CompletableFuture<Reply> result = new CompletableFuture<>();
        send(call, options(call), result);
        return result;
    }

    private RequestOptions options(Call call) {
        Sidecar target = sidecar();
        String path = call.path().startsWith("/") ? call.path() : "/" + call.path();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.set(APP_ID_HEADER, call.appId());
        if (call.contentType() != null) {
            headers.set("Content-Type", call.contentType());
        }
        String token = dapr.apiToken();
        if (token != null && !token.isBlank()) {
            headers.set(API_TOKEN_HEADER, token);
        }
        call.headers().forEach(headers::add);
        return new RequestOptions().setMethod(HttpMethod.valueOf(call.httpMethod()))
                .setHost(target.host()).setPort(target.port()).setSsl(target.tls())
                .setURI(target.basePath() + path).setHeaders(headers);
    }

    /**
     * The next of our event loops, but never the one running now: a caller on an event loop that blocked on the
     * answer (which it should not) would otherwise wait for itself.
     */
    private Context loop() {
        int i = Math.floorMod(next.getAndIncrement(), loops.length);
        if (((ContextInternal) loops[i]).nettyEventLoop().inEventLoop()) {
            i = (i + 1) % loops.length;
        }
        return loops[i];
    }

    /** On the event loop: the request, its answer, and a deadline for both (as java.net.http's timeout). */
    private void send(Call call, RequestOptions options, CompletableFuture<Reply> result) {
        long timeoutMs = Math.max(1, call.timeout().toMillis());
        AtomicBoolean done = new AtomicBoolean();
        List<HttpClientRequest> sent = new ArrayList<>(2);
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (done.compareAndSet(false, true)) {
                sent.forEach(r -> r.reset());
                result.completeExceptionally(new ApiException(504, "gateway-timeout", "Upstream timeout",
                        call.appId() + " did not answer within " + timeoutMs + " ms"));
            }
        });
        boolean idempotent = options.getMethod() == HttpMethod.GET || options.getMethod() == HttpMethod.HEAD;
        attempt(call, options, sent).recover(failure -> {
            // A kept-alive connection the sidecar closed just as the call went out on it: a GET is tried once
            // more on another connection (java.net.http does the same for idempotent requests).
            if (idempotent && failure instanceof HttpClosedException && !done.get()) {
                return attempt(call, options, sent);
            }
            return io.vertx.core.Future.failedFuture(failure);
        }).onComplete(ar -> {
            if (!done.compareAndSet(false, true)) {
                return; // timed out already
            }
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                result.complete(ar.result());
            } else {
                result.completeExceptionally(ApiException.unavailable(call.appId() + " is not reachable right now"));
            }
        });
    }

    private io.vertx.core.Future<Reply> attempt(Call call, RequestOptions options, List<HttpClientRequest> sent) {
        // Nested, not chained: the body handler is in place before any of the answer can arrive.
        return http.request(options).compose(request -> {
            sent.add(request);
            return request.send(call.body() == null ? Buffer.buffer() : Buffer.buffer(call.body()))
                    .compose(response -> bodyOf(response).map(body -> {
                        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                        response.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>(1))
                                .add(h.getValue()));
                        return new Reply(response.statusCode(), response.getHeader("Content-Type"), body, headers);
                    }));
        });
    }

    /**
     * The answer's body as one array, copied once from the chunks as they arrive, into an array of the announced
     * Content-Length: {@code response.body()} grew a buffer chunk by chunk and was then copied out again, ~9 % of
     * the gateway's allocation under load (issue 19), which its young collections had to pay for.
     */
    static io.vertx.core.Future<byte[]> bodyOf(HttpClientResponse response) {
        io.vertx.core.Promise<byte[]> body = io.vertx.core.Promise.promise();
        BodyBytes bytes = new BodyBytes(announcedLength(response.getHeader("Content-Length")));
        response.handler(bytes::append);
        response.exceptionHandler(body::tryFail);
        response.endHandler(ignored -> body.tryComplete(bytes.toArray()));
        return body.future();
    }

    /** The Content-Length when it is a plain number a body can have, else -1 (chunked, or not to be trusted). */
    static int announcedLength(String header) {
        if (header == null || header.isEmpty() || header.length() > 9) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= MAX_PRESIZED_BODY ? n : -1;
    }

    /** Larger announced bodies grow as they come rather than being allocated up front. */
    static final int MAX_PRESIZED_BODY = 16 * 1024 * 1024;

    /** Bytes gathered from a body's chunks, presized when the length is known. */
    static final class BodyBytes {
        private byte[] bytes;
        private int length;

        BodyBytes(int announced) {
            bytes = new byte[Math.max(announced, 0)];
        }

        void append(Buffer chunk) {
            int n = chunk.length();
            if (length + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
            }
            chunk.getBytes(0, n, bytes, length);
            length += n;
        }

        byte[] toArray() {
            return length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
        }
    }

    /** The sidecar's address (DAPR_HTTP_ENDPOINT or DAPR_SIDECAR_IP:DAPR_HTTP_PORT), parsed once per value. */
    private Sidecar sidecar() {
        String url = dapr.sidecarHttpUrl();
        Sidecar known = sidecar;
        if (known == null || !known.url().equals(url)) {
            known = Sidecar.of(url);
            sidecar = known;
        }
        return known;
    }

    @PreDestroy
    public void close() {
        http.close();
        if (ownVertx) {
            vertx.close();
        }
    }
}
