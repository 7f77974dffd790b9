package dev.learnflow.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.gateway.domain.Caller;
import dev.learnflow.platform.auth.CallerIdentity;
import dev.learnflow.platform.dapr.CircuitBreaker;
import dev.learnflow.platform.dapr.ServiceInvoker;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.platform.errors.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls backend services through the gateway's own Dapr sidecar, passing the verified caller on in identity
 * headers, and relays the backend's answer. A backend that is down or slow becomes a fast 503/504 problem, and
 * repeated failures open a per-backend circuit so we stop waiting on it.
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
    @Inject
    ServiceInvoker invoker;
    @Inject
    ObjectMapper mapper;
    /** The platform's clock (circuits open and close on it). */
    @Inject
    Clock clock;

    /**
     * One routed call; {@code body} is serialised as JSON when not null. Non-blocking: the call goes out on the
     * caller's event loop and the answer (or the problem) completes there.
     */
    public Uni<Response> call(Caller caller, String appId, String httpMethod, String path, Object body,
                              Duration timeout) {
        CircuitBreaker breaker = breakers.computeIfAbsent(appId, id -> new CircuitBreaker(CALLS_JUDGED, MINIMUM_CALLS,
                FAILURE_RATE, OPEN_FOR, clock));
        if (!breaker.tryAcquire()) {
            return Uni.createFrom().item(Problems.response(503, "service-unavailable", "Service unavailable",
                    appId + " is failing; retry shortly", List.of(),
                    Map.of("Retry-After", Long.toString(breaker.retryAfterSeconds()))));
        }
        ServiceInvoker.Call call = new ServiceInvoker.Call(appId, httpMethod, path,
                body == null ? null : "application/json", body == null ? null : json(body),
                Map.of(CallerIdentity.USER_HEADER, caller.id().toString(),
                        CallerIdentity.ROLES_HEADER, caller.rolesHeader()),
                timeout);
        // Separate steps, not onItemOrFailure: a problem thrown while handling a failure would reach the mappers
        // wrapped with it (a CompositeException, i.e. a 500) instead of as the 503/504 it is.
        return Uni.createFrom().completionStage(() -> invoker.invokeNonBlocking(call))
                .onFailure().transform(failure -> unreachable(breaker, appId, failure))
                .onItem().transform(reply -> relay(breaker, appId, reply));
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
