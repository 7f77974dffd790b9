package dev.learnflow.gateway.rest;

import dev.learnflow.gateway.client.Backends;
import dev.learnflow.gateway.config.GatewayConfig;
import dev.learnflow.gateway.domain.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * A public route's call to its backend: the verified caller's request through our sidecar ({@link Backends}) with
 * the route's timeout — standard, or long enough for the sandbox when the backend runs code. Non-blocking: routes
 * that only forward run on the event loop, with no worker thread per request (issue 19).
 */
@ApplicationScoped
class Forward {

    @Inject
    Backends backends;
    @Inject
    Caller caller;
    @Inject
    GatewayConfig config;

    Uni<Response> get(String appId, String path) {
        return backends.call(caller, appId, "GET", path, null, config.timeouts().standard());
    }

    Uni<Response> post(String appId, String path, Object body) {
        return backends.call(caller, appId, "POST", path, body, config.timeouts().standard());
    }

    /** A POST whose answer waits for the sandbox (runs, grading, generated exercises checked by running them). */
    Uni<Response> postRunningCode(String appId, String path, Object body) {
        return backends.call(caller, appId, "POST", path, body, config.timeouts().sandbox());
    }
}
