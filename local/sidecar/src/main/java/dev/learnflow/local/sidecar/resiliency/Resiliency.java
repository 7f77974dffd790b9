package dev.learnflow.local.sidecar.resiliency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.sidecar.SidecarConfigException;
import dev.learnflow.local.sidecar.actors.Schedules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@code kind: Resiliency} documents in force for one sidecar, and the policy for each operation, as daprd 1.16
 * picks them (pkg/resiliency): a named target first ({@code targets.apps.<app-id>}, {@code targets.actors.<type>},
 * {@code targets.components.<name>.outbound/inbound}), else the default policies by name
 * ({@code DefaultAppRetryPolicy}, {@code DefaultStatestoreComponentOutboundTimeoutPolicy},
 * {@code DefaultComponentCircuitBreakerPolicy}, {@code DefaultRetryPolicy}, ...). Circuit breakers keep their state
 * for the sidecar's life: per app and endpoint ({@code <app-id>:<method>}, an LRU of
 * {@code circuitBreakerCacheSize}, default 100), per actor type or per actor id ({@code circuitBreakerScope}, an
 * LRU of default 5000), per component.
 */
public final class Resiliency {

    /** daprd's component kinds, as they appear in the default policy names. */
    public enum ComponentKind {
        STATESTORE("Statestore"), PUBSUB("Pubsub");

        final String label;

        ComponentKind(String label) {
            this.label = label;
        }
    }

    private static final int DEFAULT_ENDPOINT_CACHE = 100;
    private static final int DEFAULT_ACTOR_CACHE = 5000;

    private record Names(String timeout, String retry, String circuitBreaker) {
        boolean any() {
            return timeout != null || retry != null || circuitBreaker != null;
        }
    }

    private record ActorTarget(Names names, boolean scopeId, int cacheSize) {
    }

    private final Map<String, Duration> timeouts = new LinkedHashMap<>();
    private final Map<String, Retry> retries = new LinkedHashMap<>();
    private final Map<String, CircuitBreaker.Template> breakers = new LinkedHashMap<>();
    private final Map<String, Names> apps = new LinkedHashMap<>();
    private final Map<String, Integer> appCacheSizes = new LinkedHashMap<>();
    private final Map<String, ActorTarget> actors = new LinkedHashMap<>();
    private final Map<String, Names> componentsOutbound = new LinkedHashMap<>();
    private final Map<String, Names> componentsInbound = new LinkedHashMap<>();
    private final Map<String, Lru> endpointBreakers = new ConcurrentHashMap<>();
    private final Map<String, Lru> actorBreakers = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> componentBreakers = new ConcurrentHashMap<>();
    private final List<String> loaded = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private Executor executor;

    private Resiliency() {
    }

    /** No documents: every operation runs once, as without resiliency. */
    public static Resiliency none() {
        return new Resiliency();
    }

    /** A source document: its YAML tree and where it came from (for messages). */
    public record Document(JsonNode node, String source) {
    }

    /**
     * Decodes the Resiliency documents that apply to {@code appId} (no {@code scopes}, or scopes naming it), in
     * order; a later document's policies and targets replace earlier ones of the same name. Anything daprd would
     * refuse, and references to policies that do not exist, fail with {@link SidecarConfigException}.
     */
    public static Resiliency load(List<Document> documents, String appId, ScheduledExecutorService scheduler,
                                  Executor executor) {
        Resiliency r = new Resiliency();
        r.scheduler = scheduler;
        r.executor = executor;
        for (Document d : documents) {
            if (!"Resiliency".equals(d.node().path("kind").asText())) {
                continue;
            }
            List<String> scopes = new ArrayList<>();
            d.node().path("scopes").forEach(s -> scopes.add(s.asText()));
            if (!scopes.isEmpty() && !scopes.contains(appId)) {
                continue;
            }
            String where = d.source() + " (Resiliency " + d.node().path("metadata").path("name").asText("?") + ")";
            try {
                r.decode(d.node().path("spec"), where);
            } catch (IllegalArgumentException e) {
                throw new SidecarConfigException(where + ": " + e.getMessage(), e);
            }
            r.loaded.add(where);
        }
        return r;
    }

    /** Where the policies in force came from (empty: none). */
    public List<String> loaded() {
        return List.copyOf(loaded);
    }

    // ---------------------------------------------------------------- decoding

    private void decode(JsonNode spec, String where) {
        JsonNode policies = spec.path("policies");
        policies.path("timeouts").properties().forEach(e -> timeouts.put(e.getKey(),
                duration(e.getValue().asText(), "timeout " + e.getKey())));
        policies.path("retries").properties().forEach(e -> retries.put(e.getKey(), retry(e.getKey(), e.getValue())));
        policies.path("circuitBreakers").properties().forEach(e -> breakers.put(e.getKey(),
                breaker(e.getKey(), e.getValue())));

        JsonNode targets = spec.path("targets");
        targets.path("apps").properties().forEach(e -> {
            Names n = names(e.getValue(), "app " + e.getKey());
            apps.put(e.getKey(), n);
            int size = e.getValue().path("circuitBreakerCacheSize").asInt(0);
            appCacheSizes.put(e.getKey(), size > 0 ? size : DEFAULT_ENDPOINT_CACHE);
        });
        targets.path("actors").properties().forEach(e -> {
            JsonNode t = e.getValue();
            Names n = names(t, "actor " + e.getKey());
            String scope = t.path("circuitBreakerScope").asText("");
            if (n.circuitBreaker() != null && scope.isEmpty()) {
                throw new IllegalArgumentException("actor circuit breakers must include scope (actor "
                        + e.getKey() + ")");
            }
            if (!scope.isEmpty() && !List.of("type", "id", "both").contains(scope)) {
                throw new IllegalArgumentException("unknown circuit breaker scope \"" + scope + "\" (actor "
                        + e.getKey() + ")");
            }
            int size = t.path("circuitBreakerCacheSize").asInt(0);
            // daprd treats "both" like "id" (its type part is not implemented).
            actors.put(e.getKey(), new ActorTarget(n, !scope.equals("type"), size > 0 ? size : DEFAULT_ACTOR_CACHE));
        });
        targets.path("components").properties().forEach(e -> {
            componentsOutbound.put(e.getKey(), names(e.getValue().path("outbound"), "component " + e.getKey()
                    + " outbound"));
            componentsInbound.put(e.getKey(), names(e.getValue().path("inbound"), "component " + e.getKey()
                    + " inbound"));
        });
    }

    private Names names(JsonNode target, String what) {
        String timeout = text(target, "timeout");
        String retry = text(target, "retry");
        String cb = text(target, "circuitBreaker");
        if (timeout != null && !timeouts.containsKey(timeout)) {
            throw new IllegalArgumentException(what + ": no timeout policy named '" + timeout + "'");
        }
        if (retry != null && !retries.containsKey(retry)) {
            throw new IllegalArgumentException(what + ": no retry policy named '" + retry + "'");
        }
        if (cb != null && !breakers.containsKey(cb)) {
            throw new IllegalArgumentException(what + ": no circuit breaker policy named '" + cb + "'");
        }
        return new Names(timeout, retry, cb);
    }

    private static String text(JsonNode n, String field) {
        String v = n.path(field).asText("");
        return v.isBlank() ? null : v;
    }

    /** daprd's durations: a bare integer is milliseconds, otherwise Go syntax (1500ms, 2s, 1m30s). */
    static Duration duration(String text, String what) {
        String t = text == null ? "" : text.trim();
        if (t.matches("-?\\d+")) {
            return Duration.ofMillis(Long.parseLong(t));
        }
        try {
            return Schedules.parseGoDuration(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid duration " + what + ": '" + text + "'");
        }
    }

    private static Retry retry(String name, JsonNode n) {
        String policy = n.path("policy").asText("constant").toLowerCase(java.util.Locale.ROOT);
        if (!policy.equals("constant") && !policy.equals("exponential")) {
            throw new IllegalArgumentException("retry " + name + ": unexpected back off policy type: " + policy);
        }
        JsonNode matching = n.path("matching");
        return new Retry(name, policy.equals("exponential"),
                optionalDuration(n, "duration", Duration.ofSeconds(5), name),
                optionalDuration(n, "initialInterval", Duration.ofMillis(500), name),
                n.hasNonNull("randomizationFactor") ? n.path("randomizationFactor").asDouble() : 0.5,
                n.hasNonNull("multiplier") ? n.path("multiplier").asDouble() : 1.5,
                optionalDuration(n, "maxInterval", Duration.ofSeconds(60), name),
                optionalDuration(n, "maxElapsedTime", Duration.ofMinutes(15), name),
                n.hasNonNull("maxRetries") ? n.path("maxRetries").asLong() : -1,
                codes(matching.path("httpStatusCodes").asText(""), 100, 599, name),
                codes(matching.path("gRPCStatusCodes").asText(""), 0, 16, name));
    }

    private static Duration optionalDuration(JsonNode n, String field, Duration fallback, String policy) {
        return n.hasNonNull(field) ? duration(n.path(field).asText(), "retry " + policy + "." + field) : fallback;
    }

    /** "429,500-504": the ranges, or null when none are given (every code is retried). */
    static List<int[]> codes(String patterns, int min, int max, String policy) {
        if (patterns.isBlank()) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        for (String p : patterns.split(",")) {
            if (p.isEmpty()) {
                continue;
            }
            String[] ends = p.trim().split("-");
            if (ends.length > 2) {
                throw new IllegalArgumentException("retry " + policy + ": invalid pattern " + p
                        + ", more than one '-' exists");
            }
            int start;
            int end;
            try {
                start = Integer.parseInt(ends[0].trim());
                end = ends.length == 2 ? Integer.parseInt(ends[1].trim()) : start;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("retry " + policy + ": invalid pattern " + p);
            }
            if (start < min || start > max || end < min || end > max || end < start) {
                throw new IllegalArgumentException("retry " + policy + ": invalid pattern " + p + " (codes "
                        + min + "-" + max + ", start not after end)");
            }
            out.add(Retry.range(start, end));
        }
        return out;
    }

    private static CircuitBreaker.Template breaker(String name, JsonNode n) {
        TripExpression trip;
        try {
            trip = n.hasNonNull("trip") ? TripExpression.parse(n.path("trip").asText()) : null;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("circuit breaker " + name + ": " + e.getMessage());
        }
        return new CircuitBreaker.Template(name, n.path("maxRequests").asInt(0),
                n.hasNonNull("interval") ? duration(n.path("interval").asText(), "circuitBreaker " + name
                        + ".interval") : Duration.ZERO,
                n.hasNonNull("timeout") ? duration(n.path("timeout").asText(), "circuitBreaker " + name
                        + ".timeout") : Duration.ZERO,
                trip);
    }

    // ---------------------------------------------------------------- policies per operation

    private Policy policy(String name, String timeout, String retry, CircuitBreaker breaker) {
        if (timeout == null && retry == null && breaker == null) {
            return Policy.none();
        }
        return new Policy(name, timeout == null ? null : timeouts.get(timeout), retry == null ? null
                : retries.get(retry), breaker, scheduler, executor);
    }

    /** The default policy names of one kind, most specific level first, then the top-level default. */
    private Names defaults(List<String> levels) {
        String timeout = firstDefault(levels, "Default%sTimeoutPolicy", timeouts);
        String retry = firstDefault(levels, "Default%sRetryPolicy", retries);
        String cb = firstDefault(levels, "Default%sCircuitBreakerPolicy", breakers);
        return new Names(timeout, retry, cb);
    }

    private static String firstDefault(List<String> levels, String template, Map<String, ?> defined) {
        for (String level : levels) {
            String n = String.format(template, level);
            if (defined.containsKey(n)) {
                return n;
            }
        }
        String top = String.format(template, "");
        return defined.containsKey(top) ? top : null;
    }

    /**
     * Service invocation of {@code appId} (as the caller named it): the app's target, per endpoint
     * {@code <app-id>:<method>}, applied by the caller's sidecar.
     */
    public Policy endpoint(String appId, String method) {
        String endpoint = appId + ":" + method;
        Names n = apps.get(appId);
        if (n == null) {
            n = defaults(List.of("App"));
        }
        CircuitBreaker cb = null;
        if (n.circuitBreaker() != null) {
            CircuitBreaker.Template t = breakers.get(n.circuitBreaker());
            Lru cache = endpointBreakers.computeIfAbsent(appId,
                    k -> new Lru(appCacheSizes.getOrDefault(appId, DEFAULT_ENDPOINT_CACHE)));
            cb = cache.get(endpoint, () -> t.newInstance(endpoint));
        }
        return policy("endpoint[" + appId + ", " + endpoint + "]", n.timeout(), n.retry(), cb);
    }

    /** An actor call before it takes the actor's turn: retry and circuit breaker (per type or per id). */
    public Policy actorPreLock(String actorType, String actorId) {
        ActorTarget target = actors.get(actorType);
        Names n = target != null ? target.names() : defaults(List.of("Actor"));
        CircuitBreaker cb = null;
        if (n.circuitBreaker() != null) {
            CircuitBreaker.Template t = breakers.get(n.circuitBreaker());
            boolean perId = target != null && target.scopeId();
            String key = perId ? actorType + "-" + actorId : actorType;
            Lru cache = actorBreakers.computeIfAbsent(actorType,
                    k -> new Lru(target != null ? target.cacheSize() : DEFAULT_ENDPOINT_CACHE));
            cb = cache.get(key, () -> t.newInstance(key));
        }
        return policy("actor[" + actorType + ", " + actorId + "]", null, n.retry(), cb);
    }

    /** An actor call once it has the actor's turn: the timeout only, applied by the hosting sidecar. */
    public Policy actorPostLock(String actorType, String actorId) {
        ActorTarget target = actors.get(actorType);
        Names n = target != null ? target.names() : defaults(List.of("Actor"));
        return policy("actor[" + actorType + ", " + actorId + "]", n.timeout(), null, null);
    }

    /** Calls from the sidecar to a component (state operations, publishing). */
    public Policy componentOutbound(String component, ComponentKind kind) {
        return component(component, kind, "Outbound", componentsOutbound.get(component), " output");
    }

    /** Calls from a component into the app (pub/sub deliveries). */
    public Policy componentInbound(String component, ComponentKind kind) {
        return component(component, kind, "Inbound", componentsInbound.get(component), " input");
    }

    private Policy component(String component, ComponentKind kind, String direction, Names named, String suffix) {
        Names n = named != null ? named : defaults(List.of(kind.label + "Component" + direction,
                "Component" + direction, "Component"));
        CircuitBreaker cb = null;
        if (n.circuitBreaker() != null) {
            CircuitBreaker.Template t = breakers.get(n.circuitBreaker());
            cb = componentBreakers.computeIfAbsent(component, k -> t.newInstance(t.name() + "-" + component));
        }
        return policy("component[" + component + "]" + suffix, n.timeout(), n.retry(), cb);
    }

    /** Breakers per key, least recently used dropped beyond the size (hashicorp/golang-lru in daprd). */
    private static final class Lru {
        private final LinkedHashMap<String, CircuitBreaker> map;

        Lru(int size) {
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CircuitBreaker> eldest) {
                    return size() > size;
                }
            };
        }

        synchronized CircuitBreaker get(String key, java.util.function.Supplier<CircuitBreaker> create) {
            return map.computeIfAbsent(key, k -> create.get());
        }
    }
}
