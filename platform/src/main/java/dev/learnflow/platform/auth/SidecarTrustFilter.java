package dev.learnflow.platform.auth;

import dev.learnflow.platform.errors.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Backends trust identity headers only on calls that came through their own Dapr sidecar. Dapr proves that with
 * the app API token: daprd (and our local sidecar) sends APP_API_TOKEN as {@code dapr-api-token} on every call to
 * the app, so internal, subscription and actor routes without it are refused.
 *
 * <p>Fail closed: an app started without a token cannot tell its sidecar from anyone else, so it refuses every call
 * except its health checks (503), unless {@code learnflow.sidecar-trust.allow-without-token} is set, as the dev and
 * test profiles do (platform's microprofile-config.properties).
 */
public class SidecarTrustFilter {

    static final String TOKEN_HEADER = "dapr-api-token";

    private final Optional<String> appApiToken;
    private final boolean allowWithoutToken;

    public SidecarTrustFilter(@ConfigProperty(name = "learnflow.app-api-token") Optional<String> appApiToken,
                              @ConfigProperty(name = "learnflow.sidecar-trust.allow-without-token",
                                      defaultValue = "false") boolean allowWithoutToken) {
        this.appApiToken = appApiToken.filter(t -> !t.isBlank());
        this.allowWithoutToken = allowWithoutToken;
    }

    @ServerRequestFilter(preMatching = true)
    public Response requireSidecar(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (appApiToken.isEmpty()) {
            if (allowWithoutToken || isHealth(path)) {
                return null;
            }
            return Problems.response(503, "sidecar-trust-unconfigured", "Service Unavailable",
                    "No app API token (APP_API_TOKEN) is configured, so no call can be trusted");
        }
        if (!isSidecarOnly(path)) {
            return null;
        }
        String presented = context.getHeaderString(TOKEN_HEADER);
        if (presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                appApiToken.get().getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return Problems.response(401, "sidecar-only", "Unauthorized",
                "This route is served to the Dapr sidecar only");
    }

    private static boolean isSidecarOnly(String path) {
        return path.startsWith("/internal/") || path.startsWith("/dapr/") || path.startsWith("/actors/");
    }

    private static boolean isHealth(String path) {
        return path.equals("/q/health") || path.startsWith("/q/health/");
    }
}
