package dev.learnflow.gateway.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web client (module {@code web/}, a jar with {@code META-INF/resources}) is served by Quarkus' static
 * resources without authentication; the rate limit and the JWT checks only concern {@code /api/}. This adds what
 * static serving alone lacks:
 * <ul>
 *   <li>an SPA fallback: a page load (GET accepting {@code text/html}) of a client route ({@code /learn},
 *   {@code /exercises/<id>}, ...: no file extension, outside the server's own prefixes) is answered with
 *   {@code /index.html}; anything else keeps its 404 problem;</li>
 *   <li>security headers: a Content-Security-Policy that allows only this origin, plus the WebSocket relay's
 *   port on the same host ({@code connect-src}), and inline styles (Mermaid's SVGs and CodeMirror carry them);
 *   {@code nosniff}, no framing, no referrer;</li>
 *   <li>caching: {@code index.html} is revalidated every time, the content-hashed {@code /assets/} are immutable.</li>
 * </ul>
 * {@code /q/} (health, OpenAPI, Swagger UI with its inline scripts) is left as it is.
 */
@ApplicationScoped
public class WebClientRoutes {

    /** Prefixes that belong to the server, never to the client's router. */
    private static final List<String> SERVER_PREFIXES = List.of("/api/", "/q/", "/dapr/", "/internal/", "/actors/");
    private static final List<String> SERVER_PATHS = List.of("/api", "/q", "/docs", "/dapr", "/internal", "/actors");
    private static final Pattern HOST = Pattern.compile("^(?:[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])$");

    private static final int MAX_CACHED_POLICIES = 64;

    private final Map<String, String> policies = new ConcurrentHashMap<>();
    private final int websocketPort;
    private final Optional<String> extraConnectSrc;

    public WebClientRoutes(
            @ConfigProperty(name = "learnflow.gateway.web.websocket-port", defaultValue = "8108") int websocketPort,
            @ConfigProperty(name = "learnflow.gateway.web.connect-src") Optional<String> extraConnectSrc) {
        this.websocketPort = websocketPort;
        this.extraConnectSrc = extraConnectSrc.map(String::trim).filter(s -> !s.isEmpty());
    }

    void install(@Observes Router router) {
        // After HttpLayerProblems' size check (MIN_VALUE), before the static resources and REST.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/q/") || path.equals("/q")) {
            ctx.next();
            return;
        }
        // Idempotent, so a rerouted request (which passes here twice) is fine either way.
        String csp = cachedContentSecurityPolicy(requestHost(ctx));
        ctx.addHeadersEndHandler(ignored -> securityHeaders(ctx, ctx.response(), csp));
        if (isClientRoute(ctx.request().method(), path) && wantsPage(ctx.request().getHeader("Accept"))) {
            // /index.html has an extension, so the second pass goes on to the static resources.
            ctx.reroute("/index.html");
            return;
        }
        ctx.next();
    }

    private static void securityHeaders(RoutingContext ctx, HttpServerResponse response, String csp) {
        var headers = response.headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", csp);
        String path = ctx.normalizedPath();
        String type = headers.get("Content-Type");
        if (response.getStatusCode() == 200 && path.startsWith("/assets/")) {
            headers.set("Cache-Control", "public, max-age=31536000, immutable");
        } else if (type != null && type.startsWith("text/html")) {
            headers.set("Cache-Control", "no-cache");
        }
    }

    /** A browser loading a page asks for HTML; API clients and probes of unknown paths keep their 404 problem. */
    static boolean wantsPage(String accept) {
        return accept != null && accept.contains("text/html");
    }

    static boolean isClientRoute(HttpMethod method, String path) {
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        if (path == null || path.equals("/") || path.isEmpty()) {
            return false;
        }
        for (String p : SERVER_PREFIXES) {
            if (path.startsWith(p)) {
                return false;
            }
        }
        for (String p : SERVER_PATHS) {
            if (path.equals(p) || path.equals(p + "/")) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    /**
     * The policy for a Host header, built once per header value: every response carries it, and building it (a
     * pattern match and a few concatenations) was a visible share of a routed request (issue 19). A client names
     * any Host it likes, so the cache is bounded.
     */
    private String cachedContentSecurityPolicy(String hostHeader) {
        if (hostHeader == null) {
            return contentSecurityPolicy(null);
        }
        String known = policies.get(hostHeader);
        if (known == null) {
            known = contentSecurityPolicy(hostHeader);
            if (policies.size() >= MAX_CACHED_POLICIES) {
                policies.clear();
            }
            policies.put(hostHeader, known);
        }
        return known;
    }

    String contentSecurityPolicy(String hostHeader) {
        StringBuilder connect = new StringBuilder("'self'");
        String host = hostOf(hostHeader);
        if (host != null) {
            connect.append(" ws://").append(host).append(':').append(websocketPort)
                    .append(" wss://").append(host).append(':').append(websocketPort);
        }
        extraConnectSrc.ifPresent(extra -> connect.append(' ').append(extra));
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src " + connect + "; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    /** Host (and port) the client addressed: HTTP/1.1's Host header or HTTP/2's :authority. */
    private static String requestHost(RoutingContext ctx) {
        String header = ctx.request().getHeader("Host");
        if (header != null && !header.isBlank()) {
            return header;
        }
        HostAndPort authority = ctx.request().authority();
        if (authority == null || authority.host() == null) {
            return null;
        }
        String host = authority.host();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The host part of a Host header (name, IPv4 or bracketed IPv6), or null when it looks like anything else. */
    public static String hostOf(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String h = hostHeader.trim();
        String host;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            host = end < 0 ? h : h.substring(0, end + 1);
        } else {
            int colon = h.indexOf(':');
            host = colon < 0 ? h : h.substring(0, colon);
        }
        return HOST.matcher(host).matches() ? host : null;
    }
}
