package dev.learnflow.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.k8s.render.Manifests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Dapr Components, Configurations (access control) and Resiliency, against the local dapr/ files and the code. */
public final class DaprChecks {

    /** Dapr's built-in secret store on Kubernetes. */
    public static final String KUBERNETES_SECRET_STORE = "kubernetes";

    private DaprChecks() {
    }

    /**
     * Every component name the code uses exists in dapr/components/ and in the rendering; components present in
     * both have the same type, version and non-secret metadata; secrets come from Kubernetes Secrets; exactly one
     * actor state store.
     */
    public static List<String> components(Manifests manifests, List<ObjectNode> local, Collection<String> usedInCode) {
        Findings f = new Findings();
        Map<String, JsonNode> k8s = byName(manifests.ofKind("Component"));
        Map<String, JsonNode> localByName = byName(local);
        for (String name : usedInCode) {
            f.check(localByName.containsKey(name), "dapr/components", "no component '" + name + "' (used in code)");
            f.check(k8s.containsKey(name), "k8s", "no Component '" + name + "' (used in code)");
        }
        int actorStores = 0;
        for (JsonNode component : k8s.values()) {
            String where = "Component/" + Manifests.name(component);
            String type = component.path("spec").path("type").asText();
            f.check(!type.startsWith("secretstores.local."), where, "local secret store type " + type
                    + " on Kubernetes");
            Map<String, JsonNode> metadata = metadata(component);
            if ("true".equals(metadata.getOrDefault("actorStateStore", missing()).path("value").asText())) {
                actorStores++;
            }
            boolean usesSecrets = metadata.values().stream().anyMatch(m -> m.has("secretKeyRef"));
            if (usesSecrets) {
                String store = component.path("auth").path("secretStore").asText(KUBERNETES_SECRET_STORE);
                f.check(KUBERNETES_SECRET_STORE.equals(store), where, "secrets must come from the '"
                        + KUBERNETES_SECRET_STORE + "' secret store, not '" + store + "'");
            }
            if ("pubsub.kafka".equals(type)) {
                String version = metadata.getOrDefault("version", missing()).path("value").asText("");
                f.check(version.matches("\\d+\\.\\d+\\.\\d+") && !version.matches("[01]\\..*|2\\.0\\..*"), where,
                        "metadata version must pin the brokers' protocol version (2.1.0 or later; daprd's default "
                                + "2.0.0 uses requests Kafka 4 refuses), is '" + version + "'");
            }
            JsonNode twin = localByName.get(Manifests.name(component));
            if (twin == null) {
                continue;
            }
            f.check(type.equals(twin.path("spec").path("type").asText()), where, "type " + type + " differs from "
                    + "dapr/components (" + twin.path("spec").path("type").asText() + ")");
            f.check(component.path("spec").path("version").asText().equals(twin.path("spec").path("version").asText()),
                    where, "version differs from dapr/components");
            Map<String, JsonNode> localMetadata = metadata(twin);
            f.check(metadata.keySet().equals(localMetadata.keySet()), where, "metadata " + metadata.keySet()
                    + " differs from dapr/components " + localMetadata.keySet());
            localMetadata.forEach((key, entry) -> {
                JsonNode mine = metadata.get(key);
                if (mine == null) {
                    return;
                }
                if (entry.has("value")) {
                    f.check(entry.path("value").equals(mine.path("value")), where, "metadata " + key + " is "
                            + mine.path("value") + ", dapr/components has " + entry.path("value"));
                } else {
                    f.check(mine.has("secretKeyRef"), where, "metadata " + key + " must come from a Secret, "
                            + "as in dapr/components");
                }
            });
        }
        f.check(actorStores == 1, "k8s", "expected exactly one Component with actorStateStore \"true\", found "
                + actorStores);
        return f.list();
    }

    /** An allowed service-to-service call: the caller may use these verbs on paths matching the pattern. */
    public record Grant(String caller, String operation, Set<String> verbs) {
    }

    /**
     * Access control. Every Configuration denies by default, lets the gateway call everything, lists only
     * existing app-ids in the apps' namespace, keeps dapr/config.yaml's trust domain and tracing, and carries no
     * spec.mtls (ignored there).
     * The grants of all Configurations together equal dapr/config.yaml's plus {@code extraGrants}, and each
     * grant sits in the Configuration of exactly the app that serves the operation ({@code servedBy}).
     */
    public static List<String> accessControl(Manifests manifests, ObjectNode localConfig, List<ServiceSpec> services,
                                             Set<Grant> extraGrants, Map<String, String> servedBy) {
        Findings f = new Findings();
        Set<String> appIds = new TreeSet<>();
        services.forEach(s -> appIds.add(s.name()));
        JsonNode localSpec = localConfig.path("spec");
        String trustDomain = localSpec.path("accessControl").path("trustDomain").asText();

        Set<Grant> localGrants = new TreeSet<>(GRANT_ORDER);
        for (JsonNode policy : localSpec.path("accessControl").path("policies")) {
            String appId = policy.path("appId").asText();
            f.check(appIds.contains(appId), "dapr/config.yaml", "policy for unknown app-id '" + appId + "'");
            localGrants.addAll(grants(policy));
        }

        Map<String, List<String>> usersOfConfig = new HashMap<>();
        Set<String> namespaces = new TreeSet<>();
        for (ServiceSpec service : services) {
            manifests.find("Deployment", service.name()).ifPresent(d -> {
                String config = Manifests.podTemplate(d).path("metadata").path("annotations").path("dapr.io/config")
                        .asText();
                usersOfConfig.computeIfAbsent(config, c -> new ArrayList<>()).add(service.name());
                namespaces.add(d.path("metadata").path("namespace").asText(""));
            });
        }
        f.check(namespaces.size() == 1, "k8s", "the services must share one namespace, found " + namespaces);
        String namespace = namespaces.isEmpty() ? "" : namespaces.iterator().next();

        Set<Grant> k8sGrants = new TreeSet<>(GRANT_ORDER);
        for (JsonNode configuration : manifests.ofKind("Configuration")) {
            String where = "Configuration/" + Manifests.name(configuration);
            JsonNode spec = configuration.path("spec");
            f.check(spec.path("tracing").path("samplingRate").equals(localSpec.path("tracing").path("samplingRate")),
                    where, "tracing.samplingRate differs from dapr/config.yaml");
            f.check(!spec.has("mtls"), where, "spec.mtls is ignored in an app's Configuration on Kubernetes (mTLS is "
                    + "the control plane's, Configuration daprsystem): remove it");
            JsonNode acl = spec.path("accessControl");
            f.check("deny".equals(acl.path("defaultAction").asText()), where, "accessControl.defaultAction must be deny");
            f.check(trustDomain.equals(acl.path("trustDomain").asText()), where, "trustDomain must be " + trustDomain);
            boolean gatewayAllowed = false;
            List<String> callees = usersOfConfig.getOrDefault(Manifests.name(configuration), List.of());
            for (JsonNode policy : acl.path("policies")) {
                String appId = policy.path("appId").asText();
                String pwhere = where + " policy " + appId;
                f.check(appIds.contains(appId), pwhere, "unknown app-id '" + appId + "'");
                f.check(namespace.equals(policy.path("namespace").asText()), pwhere, "namespace must be '"
                        + namespace + "' (where the apps run), not '" + policy.path("namespace").asText() + "'");
                f.check(trustDomain.equals(policy.path("trustDomain").asText()), pwhere, "trustDomain must be "
                        + trustDomain);
                if ("gateway".equals(appId)) {
                    gatewayAllowed = "allow".equals(policy.path("defaultAction").asText());
                    continue;
                }
                f.check("deny".equals(policy.path("defaultAction").asText()), pwhere,
                        "only the gateway may be allowed by default");
                for (Grant grant : grants(policy)) {
                    k8sGrants.add(grant);
                    String server = servedBy.get(grant.operation());
                    f.check(server != null && callees.equals(List.of(server)), pwhere, "grants " + grant.operation()
                            + ", which " + (server == null ? "no app is documented to serve" : server + " serves")
                            + ", but this Configuration is used by " + callees);
                }
            }
            f.check(gatewayAllowed, where, "the gateway must be allowed to call the app");
        }
        Set<Grant> expected = new TreeSet<>(GRANT_ORDER);
        expected.addAll(localGrants);
        expected.addAll(extraGrants);
        for (Grant grant : expected) {
            f.check(k8sGrants.contains(grant), "k8s", "access control lacks " + grant);
        }
        for (Grant grant : k8sGrants) {
            f.check(expected.contains(grant), "k8s", "access control grants " + grant + ", which neither "
                    + "dapr/config.yaml nor the documented extra calls allow");
        }
        return f.list();
    }

    /**
     * Resiliency: the same policies as the local mesh's dapr/resiliency.yaml, targets name existing apps and
     * components, policies referenced exist, the LLM-backed agents and the sandbox get a timeout and a retry,
     * every retry backs off a bounded number of times, and deliveries on the pub/sub component are retried (then
     * dead-lettered) inbound.
     */
    public static List<String> resiliency(Manifests manifests, List<ServiceSpec> services, Set<String> guardedApps,
                                          String pubsub, JsonNode localResiliency) {
        Findings f = new Findings();
        List<ObjectNode> all = manifests.ofKind("Resiliency");
        f.check(!all.isEmpty(), "k8s", "no Resiliency");
        Set<String> appIds = new TreeSet<>();
        services.forEach(s -> appIds.add(s.name()));
        Set<String> components = WorkloadChecks.names(manifests.ofKind("Component"));
        Set<String> guarded = new TreeSet<>();
        boolean pubsubInbound = false;
        for (JsonNode resiliency : all) {
            String where = Manifests.ref(resiliency);
            String differs = firstDifference("spec", localResiliency.path("spec"), resiliency.path("spec"));
            f.check(differs == null, where, "differs from dapr/resiliency.yaml (the local mesh's policies) at "
                    + differs);
            JsonNode policies = resiliency.path("spec").path("policies");
            policies.path("retries").properties().forEach(e -> {
                JsonNode retry = e.getValue();
                f.check("exponential".equals(retry.path("policy").asText()), where, "retry " + e.getKey()
                        + " must back off exponentially");
                int max = retry.path("maxRetries").asInt(-1);
                f.check(max > 0, where, "retry " + e.getKey() + " must have a bounded maxRetries > 0");
            });
            policies.path("circuitBreakers").properties().forEach(e -> f.check(
                    !e.getValue().path("trip").asText("").isBlank(), where, "circuit breaker " + e.getKey()
                            + " has no trip condition"));
            JsonNode targets = resiliency.path("spec").path("targets");
            targets.path("apps").properties().forEach(e -> {
                String app = e.getKey();
                f.check(appIds.contains(app), where, "targets unknown app '" + app + "'");
                checkReferences(f, where + " app " + app, e.getValue(), policies);
                JsonNode t = e.getValue();
                if (t.hasNonNull("timeout") && t.hasNonNull("retry")) {
                    guarded.add(app);
                }
            });
            targets.path("actors").properties().forEach(e ->
                    checkReferences(f, where + " actor " + e.getKey(), e.getValue(), policies));
            Iterable<Map.Entry<String, JsonNode>> comps = targets.path("components").properties();
            for (Map.Entry<String, JsonNode> e : comps) {
                f.check(components.contains(e.getKey()), where, "targets unknown component '" + e.getKey() + "'");
                checkReferences(f, where + " component " + e.getKey() + " outbound", e.getValue().path("outbound"),
                        policies);
                checkReferences(f, where + " component " + e.getKey() + " inbound", e.getValue().path("inbound"),
                        policies);
                if (pubsub.equals(e.getKey()) && e.getValue().path("inbound").hasNonNull("retry")) {
                    pubsubInbound = true;
                }
            }
        }
        for (String app : guardedApps) {
            f.check(guarded.contains(app), "k8s", "Resiliency must give " + app + " a timeout and a retry");
        }
        f.check(pubsubInbound, "k8s", "Resiliency must retry " + pubsub + " deliveries inbound (then <topic>.dlq)");
        return f.list();
    }

    /** The first path where two YAML trees differ, or null when they are equal. */
    static String firstDifference(String at, JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String d = firstDifference(at + "." + name, expected.path(name), actual.path(name));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : at;
    }

    /**
     * Failures daprd counts must not pause more than they concern: an actor type's circuit breaker is per actor id
     * (daprd counts ETag conflicts too, so a type-wide breaker would pause every student); no app has a breaker
     * (daprd counts an app's 4xx answers, so one student's invalid requests would pause the endpoint for all); a
     * state store has no breaker (conflicts are normal answers); a pub/sub component publishes without one (an open
     * breaker refuses publishes: events lost); and a state call's worst case under its timeout and retry policies
     * (every attempt timing out, the longest back-offs) ends before the apps stop waiting ({@code clientTimeout}).
     */
    public static List<String> failureScopes(Manifests manifests, java.time.Duration clientTimeout) {
        Findings f = new Findings();
        Map<String, String> componentTypes = new TreeMap<>();
        manifests.ofKind("Component").forEach(c -> componentTypes.put(Manifests.name(c),
                c.path("spec").path("type").asText()));
        for (JsonNode resiliency : manifests.ofKind("Resiliency")) {
            String where = Manifests.ref(resiliency);
            JsonNode policies = resiliency.path("spec").path("policies");
            JsonNode targets = resiliency.path("spec").path("targets");
            targets.path("actors").properties().forEach(e -> {
                if (e.getValue().hasNonNull("circuitBreaker")) {
                    f.check("id".equals(e.getValue().path("circuitBreakerScope").asText()), where, "actor "
                            + e.getKey() + ": circuitBreakerScope must be id (a failing actor must not pause the "
                            + "whole type), is '" + e.getValue().path("circuitBreakerScope").asText("type") + "'");
                }
            });
            targets.path("apps").properties().forEach(e -> f.check(!e.getValue().hasNonNull("circuitBreaker"),
                    where, "app " + e.getKey() + " has a circuit breaker: daprd counts the app's 4xx answers as "
                            + "failures, so one student's invalid requests would pause the endpoint for everyone"));
            targets.path("components").properties().forEach(e -> {
                if (componentTypes.getOrDefault(e.getKey(), "").startsWith("pubsub.")) {
                    f.check(!e.getValue().path("outbound").hasNonNull("circuitBreaker"), where, "pub/sub "
                            + e.getKey() + " has an outbound circuit breaker: while open it refuses publishes, so "
                            + "events would be lost instead of waiting in the producer");
                }
                if (!componentTypes.getOrDefault(e.getKey(), "").startsWith("state.")) {
                    return;
                }
                JsonNode outbound = e.getValue().path("outbound");
                f.check(!outbound.hasNonNull("circuitBreaker"), where, "state store " + e.getKey()
                        + " has a circuit breaker: daprd counts ETag conflicts, so conflicts would pause every "
                        + "state call");
                java.time.Duration budget = worstCase(outbound, policies);
                f.check(budget != null && budget.compareTo(clientTimeout) < 0, where, "state store " + e.getKey()
                        + ": worst case " + (budget == null ? "unbounded (no timeout)" : budget.toMillis() + " ms")
                        + " is not below the apps' " + clientTimeout.toMillis() + " ms");
            });
        }
        return f.list();
    }

    /**
     * Every Configuration exports the traces it samples to an OpenTelemetry collector (production: an address
     * to change, not a sampling rate with nowhere to go).
     */
    public static List<String> tracingExport(Manifests manifests) {
        Findings f = new Findings();
        for (JsonNode configuration : manifests.ofKind("Configuration")) {
            JsonNode otel = configuration.path("spec").path("tracing").path("otel");
            f.check(!otel.path("endpointAddress").asText("").isBlank(), Manifests.ref(configuration),
                    "tracing.otel.endpointAddress is missing: sampled traces go nowhere");
            f.check(Set.of("grpc", "http").contains(otel.path("protocol").asText("")), Manifests.ref(configuration),
                    "tracing.otel.protocol must be grpc or http");
        }
        return f.list();
    }

    /** daprd's default exponential back-off: 500 ms first interval, times 1.5, up to 50 % random on top. */
    private static final double BACKOFF_INITIAL_MS = 500;
    private static final double BACKOFF_MULTIPLIER = 1.5;
    private static final double BACKOFF_RANDOMIZATION = 0.5;

    /** Attempts × timeout + the longest possible back-offs between them; null without a timeout. */
    static java.time.Duration worstCase(JsonNode target, JsonNode policies) {
        if (!target.hasNonNull("timeout")) {
            return null;
        }
        long timeout = durationMillis(policies.path("timeouts").path(target.path("timeout").asText()).asText());
        if (timeout <= 0) {
            return null;
        }
        JsonNode retry = target.hasNonNull("retry") ? policies.path("retries").path(target.path("retry").asText())
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        int retries = retry.isMissingNode() ? 0 : retry.path("maxRetries").asInt(-1);
        if (retries < 0) {
            return null;
        }
        double total = (retries + 1) * (double) timeout;
        double interval = BACKOFF_INITIAL_MS;
        long maxInterval = retry.hasNonNull("maxInterval") ? durationMillis(retry.path("maxInterval").asText())
                : 60_000;
        for (int i = 0; i < retries; i++) {
            if ("constant".equals(retry.path("policy").asText())) {
                total += durationMillis(retry.path("duration").asText("5s"));
            } else {
                // The interval is capped first, then randomised: a wait may exceed maxInterval by half.
                total += Math.min(maxInterval, interval) * (1 + BACKOFF_RANDOMIZATION);
                interval = Math.min(maxInterval, interval * BACKOFF_MULTIPLIER);
            }
        }
        return java.time.Duration.ofMillis(Math.round(total));
    }

    /** A Go duration as Dapr's YAML writes it: 1500ms, 2s, 1m30s. */
    static long durationMillis(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)").matcher(text);
        double total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return -1;
            }
            double value = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "ms" -> value;
                case "s" -> value * 1000;
                case "m" -> value * 60_000;
                default -> value * 3_600_000;
            };
            end = m.end();
        }
        return end == text.length() && end > 0 ? Math.round(total) : -1;
    }

    /** The topics Job's list equals the expected topics (each with its dead-letter topic). */
    public static List<String> topics(Manifests manifests, Collection<String> expected) {
        Findings f = new Findings();
        JsonNode config = manifests.find("ConfigMap", "learnflow-kafka-topics").orElse(null);
        JsonNode job = manifests.find("Job", "kafka-topics").orElse(null);
        if (config == null || job == null) {
            f.add("k8s", "the kafka-topics Job and its ConfigMap learnflow-kafka-topics must exist");
            return f.list();
        }
        Set<String> listed = new TreeSet<>(List.of(config.path("data").path("TOPICS").asText("").trim().split("\\s+")));
        f.check(listed.equals(new TreeSet<>(expected)), "ConfigMap/learnflow-kafka-topics", "TOPICS " + listed
                + " differ from " + new TreeSet<>(expected));
        boolean wired = false;
        for (JsonNode c : Manifests.containers(job)) {
            for (JsonNode from : c.path("envFrom")) {
                wired |= "learnflow-kafka-topics".equals(from.path("configMapRef").path("name").asText());
            }
        }
        f.check(wired, "Job/kafka-topics", "must read its topics from ConfigMap learnflow-kafka-topics");
        return f.list();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private static final java.util.Comparator<Grant> GRANT_ORDER = java.util.Comparator
            .comparing(Grant::caller).thenComparing(Grant::operation).thenComparing(g -> g.verbs().toString());

    private static List<Grant> grants(JsonNode policy) {
        List<Grant> grants = new ArrayList<>();
        for (JsonNode op : policy.path("operations")) {
            if ("allow".equals(op.path("action").asText())) {
                grants.add(new Grant(policy.path("appId").asText(), op.path("name").asText(),
                        new TreeSet<>(WorkloadChecks.list(op.path("httpVerb")))));
            }
        }
        return grants;
    }

    private static void checkReferences(Findings f, String where, JsonNode target, JsonNode policies) {
        for (String[] kind : new String[][]{{"timeout", "timeouts"}, {"retry", "retries"},
                {"circuitBreaker", "circuitBreakers"}}) {
            if (target.hasNonNull(kind[0])) {
                String name = target.path(kind[0]).asText();
                f.check(policies.path(kind[1]).has(name), where, kind[0] + " policy '" + name + "' is not defined");
            }
        }
    }

    private static Map<String, JsonNode> metadata(JsonNode component) {
        Map<String, JsonNode> metadata = new TreeMap<>();
        for (JsonNode entry : component.path("spec").path("metadata")) {
            metadata.put(entry.path("name").asText(), entry);
        }
        return metadata;
    }

    private static Map<String, JsonNode> byName(List<? extends JsonNode> resources) {
        Map<String, JsonNode> map = new TreeMap<>();
        resources.forEach(r -> map.put(Manifests.name(r), r));
        return map;
    }

    private static JsonNode missing() {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
