package dev.learnflow.gateway.rest;

import dev.learnflow.gateway.service.RateLimiter;
import dev.learnflow.platform.errors.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/** Rate limiting of the public API, and security failures as problem+json. */
public class GatewayFilters {

    @Inject
    RateLimiter limiter;
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> rateLimit(ContainerRequestContext context, HttpServerRequest request) {
        if (!context.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        // The key is the verified user when the token is valid; forged tokens cannot spend a victim's bucket.
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .map(identity -> {
                    String key = identity == null || identity.isAnonymous()
                            ? "ip:" + address : "user:" + identity.getPrincipal().getName();
                    long waitSeconds = limiter.acquire(key);
                    if (waitSeconds == 0) {
                        return null;
                    }
                    return Problems.response(429, "rate-limited", "Too many requests",
                            "Slow down: retry in " + waitSeconds + " s", List.of(),
                            Map.of("Retry-After", Long.toString(waitSeconds)));
                });
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response unauthorizedAccess(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, "forbidden", "Forbidden", "Your role does not allow this route");
    }

    private static Response unauthorized() {
        return Problems.response(401, "unauthorized", "Unauthorized", "A valid access token is required",
                List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }
}
