package dev.learnflow.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A rendered overlay: its resources in rendering order, with the look-ups the checks need. */
public final class Manifests {

    /** Kinds that carry a pod template, and where it is. */
    public static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job",
            "CronJob");

    private final List<ObjectNode> resources;

    public Manifests(List<ObjectNode> resources) {
        this.resources = Collections.unmodifiableList(new ArrayList<>(resources));
    }

    public List<ObjectNode> all() {
        return resources;
    }

    public List<ObjectNode> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    public Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    public List<ObjectNode> workloads() {
        return resources.stream().filter(r -> WORKLOAD_KINDS.contains(r.path("kind").asText())).toList();
    }

    /** A deep copy, for tests that break a rendering on purpose. */
    public Manifests copy() {
        return new Manifests(resources.stream().map(ObjectNode::deepCopy).toList());
    }

    public static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    /** {@code Kind/name}, how the checks name a resource (one namespace per rendering). */
    public static String ref(JsonNode resource) {
        return resource.path("kind").asText() + "/" + name(resource);
    }

    /** {@code Kind/name} or {@code Kind/namespace/name}. */
    public static String id(JsonNode resource) {
        String namespace = resource.path("metadata").path("namespace").asText("");
        return resource.path("kind").asText() + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name(resource);
    }

    /** The pod template's metadata+spec of a workload ({@code spec.template}, or a CronJob's job template). */
    public static JsonNode podTemplate(JsonNode workload) {
        if ("CronJob".equals(workload.path("kind").asText())) {
            return workload.path("spec").path("jobTemplate").path("spec").path("template");
        }
        return workload.path("spec").path("template");
    }

    public static JsonNode podSpec(JsonNode workload) {
        return podTemplate(workload).path("spec");
    }

    /** Containers and init containers of a workload's pod. */
    public static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> all = new ArrayList<>();
        podSpec(workload).path("initContainers").forEach(all::add);
        podSpec(workload).path("containers").forEach(all::add);
        return all;
    }

    @Override
    public String toString() {
        return Yaml.write(resources);
    }
}
