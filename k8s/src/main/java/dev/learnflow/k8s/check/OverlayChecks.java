package dev.learnflow.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.k8s.render.Manifests;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What distinguishes the kind overlay from production. */
public final class OverlayChecks {

    private OverlayChecks() {
    }

    /**
     * One Namespace, and every other resource in it: a resource an overlay adds without the overlay's namespace
     * would land in "default", out of reach of the access control's namespace and the Components.
     */
    public static List<String> namespace(Manifests manifests) {
        Findings f = new Findings();
        List<ObjectNode> namespaces = manifests.ofKind("Namespace");
        if (namespaces.size() != 1) {
            f.add("k8s", "expected one Namespace, found " + namespaces.size());
            return f.list();
        }
        String namespace = Manifests.name(namespaces.get(0));
        for (JsonNode resource : manifests.all()) {
            if (!"Namespace".equals(resource.path("kind").asText())) {
                f.check(namespace.equals(resource.path("metadata").path("namespace").asText()),
                        Manifests.ref(resource), "is not in namespace " + namespace);
            }
        }
        return f.list();
    }

    /**
     * kind: one replica of everything, Kafka (KRaft: broker and controller in one node) and PostgreSQL as
     * StatefulSets in the cluster, the public services on the NodePorts the kind cluster maps to the host, and no
     * Secret objects (the Tiltfile creates them).
     */
    public static List<String> kind(Manifests manifests, Set<String> publicServices, JsonNode kindCluster) {
        Findings f = new Findings();
        for (JsonNode workload : manifests.workloads()) {
            if (workload.path("spec").has("replicas")) {
                f.check(workload.path("spec").path("replicas").asInt() == 1, Manifests.ref(workload),
                        "kind runs a single replica");
            }
        }
        JsonNode kafka = manifests.find("StatefulSet", "kafka").orElse(null);
        if (kafka == null) {
            f.add("StatefulSet/kafka", "missing (in-cluster Kafka)");
        } else {
            String roles = "";
            for (JsonNode c : Manifests.containers(kafka)) {
                JsonNode roleEnv = WorkloadChecks.env(c).get("KAFKA_PROCESS_ROLES");
                roles = roleEnv == null ? roles : roleEnv.path("value").asText();
            }
            f.check(roles.contains("broker") && roles.contains("controller"), "StatefulSet/kafka",
                    "must run in KRaft mode as broker and controller (KAFKA_PROCESS_ROLES)");
        }
        f.check(manifests.find("StatefulSet", "postgres").isPresent(), "StatefulSet/postgres",
                "missing (in-cluster PostgreSQL)");
        Set<Integer> mapped = new TreeSet<>();
        for (JsonNode node : kindCluster.path("nodes")) {
            for (JsonNode mapping : node.path("extraPortMappings")) {
                mapped.add(mapping.path("containerPort").asInt());
            }
        }
        for (String name : publicServices) {
            JsonNode service = manifests.find("Service", name).orElse(null);
            if (service == null) {
                f.add("Service/" + name, "missing");
                continue;
            }
            f.check("NodePort".equals(service.path("spec").path("type").asText()), "Service/" + name,
                    "must be a NodePort on kind");
            for (JsonNode port : service.path("spec").path("ports")) {
                f.check(mapped.contains(port.path("nodePort").asInt()), "Service/" + name, "nodePort "
                        + port.path("nodePort") + " is not mapped to the host by k8s/kind/cluster.yaml");
            }
        }
        f.check(manifests.ofKind("Secret").isEmpty(), "k8s", "no Secret may be rendered (secrets never live in "
                + "the repository)");
        return f.list();
    }

    /**
     * production: the stateless services run two replicas or more, each with an HPA (min 2) and a PDB selecting its
     * pods; the stateful singletons run one replica and no HPA; Kafka and PostgreSQL are external (no workloads
     * for them) and no Secret is rendered.
     */
    public static List<String> production(Manifests manifests, List<ServiceSpec> services, Set<String> singletons) {
        Findings f = new Findings();
        for (ServiceSpec service : services) {
            String where = "Deployment/" + service.name();
            ObjectNode deployment = manifests.find("Deployment", service.name()).orElse(null);
            if (deployment == null) {
                f.add(where, "missing");
                continue;
            }
            int replicas = deployment.path("spec").path("replicas").asInt(1);
            List<ObjectNode> hpas = manifests.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> "Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind").asText()))
                    .filter(h -> service.name().equals(h.path("spec").path("scaleTargetRef").path("name").asText()))
                    .toList();
            JsonNode labels = Manifests.podTemplate(deployment).path("metadata").path("labels");
            List<ObjectNode> pdbs = manifests.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> WorkloadChecks.selects(p.path("spec").path("selector").path("matchLabels"), labels))
                    .toList();
            if (singletons.contains(service.name())) {
                f.check(replicas == 1, where, "is a stateful singleton: exactly one replica");
                f.check(hpas.isEmpty(), where, "is a stateful singleton: no HorizontalPodAutoscaler");
                continue;
            }
            f.check(replicas >= 2, where, "needs replicas >= 2 in production, has " + replicas);
            if (hpas.size() != 1) {
                f.add(where, "needs exactly one HorizontalPodAutoscaler, has " + hpas.size());
            } else {
                JsonNode spec = hpas.get(0).path("spec");
                f.check(spec.path("minReplicas").asInt(1) >= 2, "HorizontalPodAutoscaler/" + service.name(),
                        "minReplicas must be >= 2");
                f.check(spec.path("maxReplicas").asInt(0) >= spec.path("minReplicas").asInt(1),
                        "HorizontalPodAutoscaler/" + service.name(), "maxReplicas must be >= minReplicas");
                f.check(!spec.path("metrics").isEmpty(), "HorizontalPodAutoscaler/" + service.name(),
                        "needs a metric");
            }
            if (pdbs.size() != 1) {
                f.add(where, "needs exactly one PodDisruptionBudget selecting its pods, has " + pdbs.size());
            } else {
                JsonNode spec = pdbs.get(0).path("spec");
                f.check(spec.path("minAvailable").asInt(0) >= 1 || spec.has("maxUnavailable"),
                        "PodDisruptionBudget/" + Manifests.name(pdbs.get(0)), "must keep a pod available");
            }
        }
        for (String infra : List.of("kafka", "postgres")) {
            f.check(manifests.find("StatefulSet", infra).isEmpty() && manifests.find("Deployment", infra).isEmpty(),
                    "k8s", infra + " must be external in production (addresses in Secrets)");
        }
        f.check(manifests.ofKind("Secret").isEmpty(), "k8s", "no Secret may be rendered (secrets never live in "
                + "the repository)");
        return f.list();
    }
}
