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
 * the app API token: when APP_API_TOKEN is set, daprd (and our local sidecar) sends it as {@code dapr-api-token}
 * on every call to the app, so internal, subscription and actor routes without it are refused.
 */
public class SidecarTrustFilter {

    static final String TOKEN_HEADER = "dapr-api-token";

    private final Optional<String> appApiToken;

    public SidecarTrustFilter(@ConfigProperty(name = "learnflow.app-api-token") Optional<String> appApiToken) {
        this.appApiToken = appApiToken.filter(t -> !t.isBlank());
    }

    @ServerRequestFilter(preMatching = true)
    public Response requireSidecar(ContainerRequestContext context) {
        if (appApiToken.isEmpty() || !isSidecarOnly(context.getUriInfo().getPath())) {
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
}
