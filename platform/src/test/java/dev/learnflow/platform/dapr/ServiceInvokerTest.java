package dev.learnflow.platform.dapr;

import dev.learnflow.platform.errors.ApiException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The invoker against a stand-in for the sidecar (a real HTTP server): what it sends, what it relays, and how a
 * slow or vanished sidecar surfaces (504 / 503 problems, as with java.net.http before).
 */
class ServiceInvokerTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static HttpServer server;
    private static volatile Consumer<HttpServerRequest> behaviour;
    private static final List<HttpServerRequest> SEEN = new CopyOnWriteArrayList<>();
    private static ServiceInvoker invoker;
    private static DaprClients sidecar;

    @BeforeAll
    static void start() throws Exception {
        server = VERTX.createHttpServer().requestHandler(req -> {
            SEEN.add(req);
            behaviour.accept(req);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        int port = server.actualPort();
        sidecar = new DaprClients() {
            @Override
            public String sidecarHttpUrl() {
                return "http://127.0.0.1:" + port;
            }

            @Override
            public String apiToken() {
                return "app-token";
            }
        };
        invoker = new ServiceInvoker(sidecar);
    }

    @AfterAll
    static void stop() {
        invoker.close();
        VERTX.close();
    }

    @BeforeEach
    void reset() {
        SEEN.clear();
    }

    private static ServiceInvoker.Call call(String method, byte[] body, Duration timeout) {
        return new ServiceInvoker.Call("progress", method, "internal/students/1/progress",
                body == null ? null : "application/json", body, Map.of("x-learnflow-user", "u1"), timeout);
    }

    @Test
    void sendsTheTargetAppAndRelaysTheAnswer() {
        behaviour = req -> req.body().onSuccess(b -> req.response().setStatusCode(429)
                .putHeader("Content-Type", "application/problem+json").putHeader("Retry-After", "3")
                .end("{\"echo\":\"" + b.toString(StandardCharsets.UTF_8).length() + "\"}"));

        ServiceInvoker.Reply reply = invoker.invoke(call("POST", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5))).join();

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.bodyText()).isEqualTo("{\"echo\":\"7\"}");
        assertThat(reply.headers().get("retry-after")).containsExactly("3"); // any case, as Backends asks
        HttpServerRequest seen = SEEN.get(0);
        assertThat(seen.path()).isEqualTo("/internal/students/1/progress");
        assertThat(seen.getHeader(ServiceInvoker.APP_ID_HEADER)).isEqualTo("progress");
        assertThat(seen.getHeader(ServiceInvoker.API_TOKEN_HEADER)).isEqualTo("app-token");
        assertThat(seen.getHeader("x-learnflow-user")).isEqualTo("u1");
        assertThat(seen.getHeader("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aNonBlockingCallerOnAnEventLoopSendsAndGetsTheAnswerOnThatLoop() throws Exception {
        behaviour = req -> req.response().end("here");
        ServiceInvoker onTheAppsVertx = new ServiceInvoker(sidecar, VERTX);
        CompletableFuture<List<String>> threads = new CompletableFuture<>();
        try {
            VERTX.runOnContext(ignored -> {
                String caller = Thread.currentThread().getName();
                onTheAppsVertx.invokeNonBlocking(call("GET", null, Duration.ofSeconds(5))).whenComplete((reply, e) ->
                        threads.complete(List.of(caller, Thread.currentThread().getName(),
                                e == null ? reply.bodyText() : e.toString())));
            });

            List<String> seen = threads.get(10, TimeUnit.SECONDS);
            assertThat(seen.get(2)).isEqualTo("here");
            assertThat(seen.get(1)).as("the answer completes on the caller's event loop, no hand-over")
                    .isEqualTo(seen.get(0));
        } finally {
            onTheAppsVertx.close();
        }
    }

    @Test
    void aNonBlockingCallOffAnEventLoopIsAnOrdinaryOne() {
        behaviour = req -> req.response().end("anywhere");

        ServiceInvoker.Reply reply = invoker.invokeNonBlocking(call("GET", null, Duration.ofSeconds(5))).join();

        assertThat(reply.bodyText()).isEqualTo("anywhere");
    }

    @Test
    void aSidecarThatDoesNotAnswerInTimeIsA504() {
        behaviour = req -> { }; // never answers

        assertThatThrownBy(() -> invoker.invoke(call("GET", null, Duration.ofMillis(300))).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(504));
    }

    @Test
    void aGetWhoseConnectionIsClosedUnderItIsTriedOnceMore() {
        AtomicInteger requests = new AtomicInteger();
        behaviour = req -> {
            if (requests.getAndIncrement() == 0) {
                req.connection().close(); // as a kept-alive connection closed just as the call went out on it
            } else {
                req.response().end("fine");
            }
        };

        ServiceInvoker.Reply reply = invoker.invoke(call("GET", null, Duration.ofSeconds(5))).join();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.bodyText()).isEqualTo("fine");
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aPostIsNotRepeatedAndAClosedConnectionIsA503() {
        AtomicInteger requests = new AtomicInteger();
        behaviour = req -> {
            requests.incrementAndGet();
            req.connection().close();
        };

        assertThatThrownBy(() -> invoker.invoke(call("POST", "{}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5))).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(503));
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void chunkedAndFixedLengthBodiesArriveWhole() {
        String big = "x".repeat(70_000) + "end";
        behaviour = req -> {
            if (req.path().endsWith("/chunked")) {
                req.response().setChunked(true).write("first,").onComplete(ignored -> req.response().end(big));
            } else {
                req.response().putHeader("Content-Type", "application/json").end(big);
            }
        };
        ServiceInvoker.Reply fixed = invoker.invoke(new ServiceInvoker.Call("progress", "GET", "/fixed", null, null,
                Map.of(), Duration.ofSeconds(5))).join();
        ServiceInvoker.Reply chunked = invoker.invoke(new ServiceInvoker.Call("progress", "GET", "/chunked", null,
                null, Map.of(), Duration.ofSeconds(5))).join();

        assertThat(fixed.bodyText()).isEqualTo(big);
        assertThat(chunked.bodyText()).isEqualTo("first," + big);
    }

    @Test
    void bodyBytesFitWhateverLengthWasAnnounced() {
        ServiceInvoker.BodyBytes exact = new ServiceInvoker.BodyBytes(6);
        exact.append(io.vertx.core.buffer.Buffer.buffer("abc"));
        exact.append(io.vertx.core.buffer.Buffer.buffer("def"));
        ServiceInvoker.BodyBytes longer = new ServiceInvoker.BodyBytes(2);
        longer.append(io.vertx.core.buffer.Buffer.buffer("abcdef"));
        ServiceInvoker.BodyBytes shorter = new ServiceInvoker.BodyBytes(10);
        shorter.append(io.vertx.core.buffer.Buffer.buffer("abc"));

        assertThat(new String(exact.toArray(), StandardCharsets.UTF_8)).isEqualTo("abcdef");
        assertThat(new String(longer.toArray(), StandardCharsets.UTF_8)).isEqualTo("abcdef");
        assertThat(new String(shorter.toArray(), StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(new ServiceInvoker.BodyBytes(-1).toArray()).isEmpty();
        assertThat(ServiceInvoker.announcedLength("123")).isEqualTo(123);
        assertThat(ServiceInvoker.announcedLength("12a")).isEqualTo(-1);
        assertThat(ServiceInvoker.announcedLength("9999999999")).isEqualTo(-1);
        assertThat(ServiceInvoker.announcedLength(null)).isEqualTo(-1);
    }
}
