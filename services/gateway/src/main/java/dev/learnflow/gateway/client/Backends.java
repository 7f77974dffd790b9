package dev.learnflow.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.gateway.config.GatewayConfig;
import dev.learnflow.gateway.domain.Caller;
import dev.learnflow.platform.auth.CallerIdentity;
import dev.learnflow.platform.dapr.CircuitBreaker;
import dev.learnflow.platform.dapr.ServiceInvoker;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.platform.errors.Problems;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls backend services through the gateway's own Dapr sidecar, passing the verified caller on in identity
 * headers, and relays the backend's answer. A backend that is down or slow becomes a fast 503/504 problem, and
 * repeated failures open a per-backend circuit so we stop waiting on it. A bound on the calls out at once over all
 * backends lets the rest wait in the gateway, in order, within their route's timeout.
 */
@ApplicationScoped
public class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class);
    /** The circuit judges the last 50 calls to a backend and opens when half of at least 20 of them failed. */
    private static final int CALLS_JUDGED = 50;
    private static final int MINIMUM_CALLS = 20;
    private static final double FAILURE_RATE = 0.5;
    private static final Duration OPEN_FOR = Duration.ofSeconds(10);

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private Bulkhead admission;
    @Inject
    ServiceInvoker invoker;
    @Inject
    ObjectMapper mapper;
    /** The platform's clock (circuits open and close on it). */
    @Inject
    Clock clock;
    @Inject
    GatewayConfig config;

    @PostConstruct
    void init() {
        admission = new Bulkhead(config.bulkhead().maxInFlight(), config.bulkhead().maxWaiting());
    }

    /**
     * One routed call; {@code body} is serialised as JSON when not null. Non-blocking: the call goes out on the
     * caller's event loop and the answer (or the problem) completes there.
     *
     * <p>Admission (issue 19): at most {@code learnflow.gateway.bulkhead.max-in-flight} calls over all backends are
     * out at once; later calls wait in one queue in arrival order, holding no thread ({@link Bulkhead}), for at
     * most their route's {@code timeout}, and then get the whole {@code timeout} for the backend's answer.
     * Closed-loop load beyond what two cores serve then waits in line instead of sharing the cores among hundreds
     * of half-done requests, whose slowest (p99) ran past the timeout.
     */
    public Uni<Response> call(Caller caller, String appId, String httpMethod, String path, Object body,
                              Duration timeout) {
        CircuitBreaker breaker = breakers.computeIfAbsent(appId, id -> new CircuitBreaker(CALLS_JUDGED, MINIMUM_CALLS,
                FAILURE_RATE, OPEN_FOR, clock));
        if (breaker.state() == CircuitBreaker.State.OPEN) {
            return Uni.createFrom().item(circuitOpen(breaker, appId));
        }
        // Read here, on the request's thread: the caller is request-scoped.
        Map<String, String> identity = Map.of(CallerIdentity.USER_HEADER, caller.id().toString(),
                CallerIdentity.ROLES_HEADER, caller.rolesHeader());
        byte[] json = body == null ? null : json(body);
        // One emitter rather than a chain of operators: each Mutiny operator captures and restores the request's
        // context (context propagation), a measurable share of a routed request's CPU (issue 19's profile).
        return Uni.createFrom().emitter(emitter -> new Outgoing(breaker, appId,
                new ServiceInvoker.Call(appId, httpMethod, path, json == null ? null : "application/json", json,
                        identity, timeout), emitter).admit());
    }

    /** One call from admission to its answer. */
    private final class Outgoing {
        private final CircuitBreaker breaker;
        private final String appId;
        private final ServiceInvoker.Call call;
        private final UniEmitter<? super Response> emitter;
        private final long waitUntil;
        private final Context context = Vertx.currentContext();

        Outgoing(CircuitBreaker breaker, String appId, ServiceInvoker.Call call, UniEmitter<? super Response> emitter) {
            this.breaker = breaker;
            this.appId = appId;
            this.call = call;
            this.emitter = emitter;
            this.waitUntil = System.nanoTime() + call.timeout().toNanos();
        }

        void admit() {
            // A call that waited goes out on its own request's event loop, where its answer is expected.
            Context own = context;
            Runnable later = own == null ? this::holdingSlot : () -> own.runOnContext(ignored -> holdingSlot());
            switch (admission.enter(later)) {
                case NOW -> holdingSlot();
                case QUEUED -> { }
                case FULL -> emitter.complete(busy("too many requests waiting; retry shortly"));
            }
        }

        private void holdingSlot() {
            if (System.nanoTime() - waitUntil > 0) {
                // Its wait is over: the gateway is overloaded, the backend did nothing wrong (its circuit is not told).
                finish(busy(appId + " is busy; retry shortly"), null);
                return;
            }
            if (!breaker.tryAcquire()) {
                finish(circuitOpen(breaker, appId), null);
                return;
            }
            CompletableFuture<ServiceInvoker.Reply> sent;
            try {
                sent = invoker.invokeNonBlocking(call);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((reply, failure) -> {
                try {
                    Response relayed = failure == null ? relay(breaker, appId, reply) : null;
                    finish(relayed, failure == null ? null : unreachable(breaker, appId, failure));
                } catch (RuntimeException e) {
                    finish(null, e);
                }
            });
        }

        private void finish(Response response, Throwable failure) {
            admission.leave();
            if (failure != null) {
                emitter.fail(failure);
            } else {
                emitter.complete(response);
            }
        }
    }

    /** The gateway sheds load it cannot serve in time: 503 with a short Retry-After, nothing held against the backend. */
    private static Response busy(String detail) {
        return Problems.response(503, "service-unavailable", "Service unavailable", detail, List.of(),
                Map.of("Retry-After", "1"));
    }

    private static Response circuitOpen(CircuitBreaker breaker, String appId) {
        return Problems.response(503, "service-unavailable", "Service unavailable",
                appId + " is failing; retry shortly", List.of(),
                Map.of("Retry-After", Long.toString(breaker.retryAfterSeconds())));
    }

    /** The call got no answer (timeout: 504; the sidecar unreachable: 503). */
    private static ApiException unreachable(CircuitBreaker breaker, String appId, Throwable failure) {
        breaker.onFailure();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof ApiException api ? api
                : ApiException.unavailable(appId + " is not reachable right now");
    }

    private Response relay(CircuitBreaker breaker, String appId, ServiceInvoker.Reply reply) {
        if (isSidecarFailure(reply)) {
            breaker.onFailure();
            LOG.warnf("Sidecar could not reach %s: %s", appId, reply.bodyText());
            throw ApiException.unavailable(appId + " is not reachable right now");
        }
        if (reply.status() >= 500) {
            breaker.onFailure();
        } else {
            breaker.onSuccess();
        }
        Response.ResponseBuilder relayed = Response.status(reply.status()).entity(reply.body());
        if (reply.contentType() != null) {
            relayed.type(reply.contentType());
        }
        reply.headers().getOrDefault("retry-after", List.of()).forEach(v -> relayed.header("Retry-After", v));
        reply.headers().getOrDefault("location", List.of()).forEach(v -> relayed.header("Location", v));
        return relayed.build();
    }

    /** Calls waiting for a slot. */
    int waiting() {
        return admission.waiting();
    }

    public CircuitBreaker.State circuitState(String appId) {
        CircuitBreaker breaker = breakers.get(appId);
        return breaker == null ? CircuitBreaker.State.CLOSED : breaker.state();
    }

    /** Dapr reports its own invocation failures as JSON with an ERR_ code, not as the app's answer. */
    private static boolean isSidecarFailure(ServiceInvoker.Reply reply) {
        if (reply.status() < 500 && reply.status() != 403) {
            return false;
        }
        String text = reply.bodyText();
        return text.contains("\"errorCode\"") && text.contains("ERR_");
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise request for backend", e);
        }
    }
}
