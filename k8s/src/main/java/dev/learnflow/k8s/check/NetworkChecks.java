package dev.learnflow.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.k8s.render.Manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Who may open which port of which pod, evaluated from the rendered NetworkPolicies the way Kubernetes does (ingress
 * only): a pod selected by no Ingress policy accepts everything; a selected pod accepts a connection when one rule
 * of one selecting policy admits both the source and the port.
 */
public final class NetworkChecks {

    /** Dapr's sidecar-to-sidecar gRPC port (service invocation and actor calls between daprd instances). */
    public static final int DAPR_INTERNAL_GRPC = 50002;
    /** daprd's HTTP and gRPC API ports: for the app in the same pod only. */
    public static final List<Integer> DAPR_API_PORTS = List.of(3500, 50001);

    private NetworkChecks() {
    }

    /**
     * A connection's source: a pod with labels in a namespace with labels, or a client outside the cluster
     * ({@code ip} set).
     */
    public record Source(String name, String namespace, Map<String, String> namespaceLabels,
                         Map<String, String> podLabels, String ip) {

        public static Source pod(String name, String namespace, Map<String, String> podLabels) {
            return new Source(name, namespace, Map.of("kubernetes.io/metadata.name", namespace), podLabels, null);
        }

        public static Source external(String ip) {
            return new Source("client " + ip, null, Map.of(), Map.of(), ip);
        }
    }

    /** Every workload's pods in the rendering, as sources in their namespace. */
    public static List<Source> workloadSources(Manifests manifests) {
        List<Source> sources = new ArrayList<>();
        for (JsonNode workload : manifests.workloads()) {
            sources.add(Source.pod(Manifests.ref(workload), workload.path("metadata").path("namespace").asText(),
                    labels(Manifests.podTemplate(workload).path("metadata").path("labels"))));
        }
        return sources;
    }

    /** Whether {@code source} may open {@code port} on the pods of {@code workload}. */
    public static boolean allowed(Manifests manifests, JsonNode workload, Source source, int port) {
        String namespace = workload.path("metadata").path("namespace").asText();
        Map<String, String> podLabels = labels(Manifests.podTemplate(workload).path("metadata").path("labels"));
        boolean isolated = false;
        for (JsonNode policy : manifests.ofKind("NetworkPolicy")) {
            if (!namespace.equals(policy.path("metadata").path("namespace").asText())
                    || !matches(policy.path("spec").path("podSelector"), podLabels)
                    || !governsIngress(policy.path("spec"))) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (admitsPort(rule.path("ports"), workload, port) && admitsSource(rule.path("from"), namespace,
                        source)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    /**
     * The invariants of base/network and the overlays: every pod is isolated; an app's own port is open to no pod
     * in the cluster but, for the public apps, to {@code publicSource} (an external client: to anyone, as NodePorts
     * are); daprd's internal port only to LearnFlow's sidecars; daprd's API ports to nobody.
     */
    public static List<String> check(Manifests manifests, List<ServiceSpec> services, Set<String> publicServices,
                                     Source publicSource) {
        Findings f = new Findings();
        List<Source> sources = new ArrayList<>(workloadSources(manifests));
        String namespace = services.isEmpty() ? "" : manifests.find("Deployment", services.get(0).name())
                .map(d -> d.path("metadata").path("namespace").asText()).orElse("");
        sources.add(Source.pod("a pod in namespace other", "other", Map.of("app", "intruder")));
        sources.add(Source.pod("an unlabelled pod in " + namespace, namespace, Map.of()));
        sources.add(Source.external("203.0.113.7"));
        sources.add(Source.pod("the ingress controller", "ingress-nginx",
                Map.of("app.kubernetes.io/name", "ingress-nginx")));
        for (JsonNode workload : manifests.workloads()) {
            boolean isolated = manifests.ofKind("NetworkPolicy").stream().anyMatch(p ->
                    p.path("metadata").path("namespace").asText().equals(workload.path("metadata")
                            .path("namespace").asText())
                            && matches(p.path("spec").path("podSelector"), labels(Manifests.podTemplate(workload)
                            .path("metadata").path("labels")))
                            && governsIngress(p.path("spec")));
            f.check(isolated, Manifests.ref(workload), "no NetworkPolicy isolates its pods (any pod may connect)");
        }
        Set<String> sidecars = new TreeSet<>();
        services.forEach(s -> sidecars.add("Deployment/" + s.name()));
        for (ServiceSpec service : services) {
            JsonNode deployment = manifests.find("Deployment", service.name()).orElse(null);
            if (deployment == null) {
                continue;
            }
            String where = "Deployment/" + service.name();
            boolean isPublic = publicServices.contains(service.name());
            for (Source source : sources) {
                // An external public source (kind's NodePorts) means anyone: the port is open to every source.
                boolean expectApp = isPublic && (publicSource.ip() != null || source.equals(publicSource));
                boolean app = allowed(manifests, deployment, source, service.port());
                f.check(app == expectApp, where, "app port " + service.port() + (app ? " is open to " : " is closed to ")
                        + source.name());
                boolean expectDapr = sidecars.contains(source.name());
                boolean dapr = allowed(manifests, deployment, source, DAPR_INTERNAL_GRPC);
                f.check(dapr == expectDapr, where, "daprd's internal port " + DAPR_INTERNAL_GRPC
                        + (dapr ? " is open to " : " is closed to ") + source.name());
                for (int api : DAPR_API_PORTS) {
                    f.check(!allowed(manifests, deployment, source, api), where, "daprd's API port " + api
                            + " is open to " + source.name());
                }
            }
        }
        f.check(sources.contains(publicSource), "k8s", "unknown public source " + publicSource);
        return f.list();
    }

    /**
     * An in-cluster dependency (kind's Kafka or PostgreSQL) accepts {@code port} from every workload in
     * {@code required} and from no service outside {@code allowedServices}, nor from outside the namespace.
     */
    public static List<String> dependency(Manifests manifests, String statefulSet, int port, Set<String> required,
                                          Set<String> forbiddenServices) {
        Findings f = new Findings();
        JsonNode target = manifests.find("StatefulSet", statefulSet).orElse(null);
        if (target == null) {
            return f.list();
        }
        String where = "StatefulSet/" + statefulSet;
        Map<String, Source> byName = new HashMap<>();
        workloadSources(manifests).forEach(s -> byName.put(s.name(), s));
        for (String name : required) {
            Source source = byName.get(name);
            f.check(source != null && allowed(manifests, target, source, port), where, "port " + port
                    + " is closed to " + name + ", which needs it");
        }
        for (String service : forbiddenServices) {
            Source source = byName.get("Deployment/" + service);
            f.check(source == null || !allowed(manifests, target, source, port), where, "port " + port
                    + " is open to Deployment/" + service + ", which must not reach it");
        }
        for (Source outsider : List.of(Source.pod("a pod in namespace other", "other", Map.of()),
                Source.external("203.0.113.7"))) {
            f.check(!allowed(manifests, target, outsider, port), where, "port " + port + " is open to "
                    + outsider.name());
        }
        return f.list();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private static boolean governsIngress(JsonNode spec) {
        // Kubernetes defaults policyTypes to [Ingress] (plus Egress when egress rules exist).
        return emptyOrAny(spec.path("policyTypes"), t -> "Ingress".equals(t.asText()));
    }

    private static boolean admitsPort(JsonNode ports, JsonNode workload, int port) {
        return emptyOrAny(ports, p -> {
            if (!"TCP".equals(p.path("protocol").asText("TCP"))) {
                return false;
            }
            JsonNode number = p.path("port");
            if (number.isMissingNode()) {
                return true;
            }
            if (number.isInt()) {
                return port >= number.asInt() && port <= p.path("endPort").asInt(number.asInt());
            }
            return Manifests.containers(workload).stream()
                    .anyMatch(container -> WorkloadChecks.resolvePort(number, container) == port);
        });
    }

    private static boolean admitsSource(JsonNode from, String policyNamespace, Source source) {
        return emptyOrAny(from, peer -> {
            if (peer.has("ipBlock")) {
                return source.ip() != null && inBlock(source.ip(), peer.path("ipBlock"));
            }
            if (source.ip() != null) {
                return false; // pod and namespace selectors match pods only
            }
            boolean namespaceOk = peer.has("namespaceSelector")
                    ? matches(peer.path("namespaceSelector"), source.namespaceLabels())
                    : policyNamespace.equals(source.namespace());
            return namespaceOk && (!peer.has("podSelector") || matches(peer.path("podSelector"), source.podLabels()));
        });
    }

    /** A NetworkPolicy list (policyTypes, ports, from): missing or empty means all; else one item must match. */
    private static boolean emptyOrAny(JsonNode list, Predicate<JsonNode> matches) {
        if (list.isMissingNode() || list.isEmpty()) {
            return true;
        }
        for (JsonNode item : list) {
            if (matches.test(item)) {
                return true;
            }
        }
        return false;
    }

    /** A label selector (matchLabels and matchExpressions); an empty selector selects everything. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            Set<String> values = new TreeSet<>(WorkloadChecks.list(expression.path("values")));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean inBlock(String ip, JsonNode block) {
        if (!inCidr(ip, block.path("cidr").asText())) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (inCidr(ip, except.asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        if (parts.length != 2 || !parts[0].contains(".")) {
            return false;
        }
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(ip) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
