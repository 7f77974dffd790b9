package dev.learnflow.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.learnflow.contracts.api.Problem;
import dev.learnflow.gateway.config.GatewayConfig;
import dev.learnflow.gateway.domain.Caller;
import dev.learnflow.platform.dapr.CircuitBreaker;
import dev.learnflow.platform.dapr.DaprClients;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's admission in front of the backends: a stand-in sidecar (a plain HTTP server) holds every call until
 * the test releases it, so which calls are out, waiting or refused does not depend on timing.
 */
class BackendsBulkheadTest {

    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);

    private HttpServer sidecar;
    private ExecutorService sidecarThreads;
    private final Semaphore arrived = new Semaphore(0);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private ServiceInvoker invoker;
    private Backends backends;

    @BeforeEach
    void start() throws Exception {
        sidecar = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sidecarThreads = Executors.newCachedThreadPool();
        sidecar.setExecutor(sidecarThreads);
        sidecar.createContext("/", exchange -> {
            received.incrementAndGet();
            arrived.release();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"modules\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sidecar.start();
        String url = "http://127.0.0.1:" + sidecar.getAddress().getPort();
        invoker = new ServiceInvoker(new DaprClients() {
            @Override
            public String sidecarHttpUrl() {
                return url;
            }

            @Override
            public String apiToken() {
                return null;
            }
        });
        backends = backends(config(1, 1));
    }

    @AfterEach
    void stop() {
        release.countDown();
        sidecar.stop(0);
        sidecarThreads.shutdownNow();
        invoker.close();
    }

    @Test
    void callsOverTheLimitWaitTheirTurnAndPastTheQueueGetA503ProblemWithRetryAfter() throws Exception {
        CompletableFuture<Response> first = call(ROUTE_TIMEOUT);
        assertThat(arrived.tryAcquire(30, TimeUnit.SECONDS)).as("the first call reached the sidecar").isTrue();

        CompletableFuture<Response> second = call(ROUTE_TIMEOUT);
        assertThat(backends.waiting()).as("the second call waits in the gateway").isEqualTo(1);
        assertThat(second).isNotDone();

        CompletableFuture<Response> third = call(ROUTE_TIMEOUT);
        assertThat(third).as("refused at once, the queue being full").isDone();
        Response refused = third.join();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(refused.getHeaderString("Retry-After")).isEqualTo("1");
        Problem problem = (Problem) refused.getEntity();
        assertThat(problem.type()).isEqualTo("https://learnflow.dev/problems/service-unavailable");
        assertThat(problem.detail()).contains("waiting");

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        Response waited = second.get(30, TimeUnit.SECONDS);
        assertThat(waited.getStatus()).as("the waiting call went out once the first ended").isEqualTo(200);
        assertThat(new String((byte[]) waited.getEntity(), StandardCharsets.UTF_8)).isEqualTo("{\"modules\":[]}");
        assertThat(received).as("the refused call never reached the sidecar").hasValue(2);
        assertThat(backends.waiting()).isZero();
        assertThat(backends.circuitState("concepts")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aCallWhoseTimeRanOutWhileWaitingIsNotSentAndNotHeldAgainstTheBackend() throws Exception {
        CompletableFuture<Response> first = call(ROUTE_TIMEOUT);
        assertThat(arrived.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
        // A wait that is over before its turn can come.
        CompletableFuture<Response> hurried = call(Duration.ofNanos(1));
        assertThat(hurried).isNotDone();

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        Response busy = hurried.get(30, TimeUnit.SECONDS);
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(received).as("not sent once its time was gone").hasValue(1);
        assertThat(backends.circuitState("concepts")).isEqualTo(CircuitBreaker.State.CLOSED);

        CompletableFuture<Response> next = call(ROUTE_TIMEOUT);
        assertThat(next.get(30, TimeUnit.SECONDS).getStatus()).as("the slot was handed back").isEqualTo(200);
    }

    @Test
    void callsToEveryBackendWaitInTheSameLine() throws Exception {
        backends = backends(config(1, 10));
        CompletableFuture<Response> first = call("concepts", ROUTE_TIMEOUT);
        assertThat(arrived.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Response> other = call("exercise", ROUTE_TIMEOUT);
        assertThat(backends.waiting()).as("another backend's call waits behind the first").isEqualTo(1);
        assertThat(other).isNotDone();

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(other.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(received).hasValue(2);
        assertThat(backends.waiting()).isZero();
    }

    private CompletableFuture<Response> call(Duration timeout) {
        return call("concepts", timeout);
    }

    private CompletableFuture<Response> call(String appId, Duration timeout) {
        Caller caller = new Caller() {
            @Override
            public UUID id() {
                return UUID.fromString("00000000-0000-0000-0000-000000000001");
            }

            @Override
            public String rolesHeader() {
                return "student";
            }
        };
        return backends.call(caller, appId, "GET", "/internal/curriculum/modules", null, timeout)
                .subscribeAsCompletionStage();
    }

    private Backends backends(GatewayConfig config) {
        Backends created = new Backends();
        created.invoker = invoker;
        created.mapper = new ObjectMapper();
        created.clock = Clock.systemUTC();
        created.config = config;
        created.init();
        return created;
    }

    private static GatewayConfig config(int maxInFlight, int maxWaiting) {
        GatewayConfig.Bulkhead bulkhead = new GatewayConfig.Bulkhead() {
            @Override
            public int maxInFlight() {
                return maxInFlight;
            }

            @Override
            public int maxWaiting() {
                return maxWaiting;
            }
        };
        return (GatewayConfig) java.lang.reflect.Proxy.newProxyInstance(GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("bulkhead")) {
                        return bulkhead;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
