package dev.learnflow.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch, the part kustomize applies for {@code patches: - path: file.yaml}: maps merge
 * recursively, {@code null} deletes a field, lists of the built-in kinds merge by their patch merge key (containers
 * and env by name, volume mounts by mount path, ...), every other list is replaced. Custom resources (Dapr's
 * Component, Configuration, Resiliency) have no schema here, so their lists are replaced, as kustomize does.
 *
 * <p>Merged lists come out the way kustomize orders them: the patch's items first, in patch order (merged with the
 * base item of the same key), then the base items the patch did not mention. Directives ({@code $patch},
 * {@code $setElementOrder}, ...) are not supported and make the patch fail instead of being ignored.
 */
public final class StrategicMerge {

    /** API groups whose list merge keys are known (core, apps, batch, autoscaling, policy, networking, rbac). */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy",
            "networking.k8s.io", "rbac.authorization.k8s.io");

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "ephemeralContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "volumeDevices", "devicePath",
            "imagePullSecrets", "name",
            "topologySpreadConstraints", "topologyKey");

    private StrategicMerge() {
    }

    /** Applies {@code patch} to {@code target} in place. */
    public static void apply(ObjectNode target, ObjectNode patch) {
        String kind = target.path("kind").asText();
        boolean knownSchema = BUILT_IN_GROUPS.contains(group(target.path("apiVersion").asText()));
        mergeObject(target, patch, new ArrayList<>(), kind, knownSchema);
    }

    private static void mergeObject(ObjectNode target, ObjectNode patch, List<String> path, String kind,
                                    boolean knownSchema) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new KustomizeException("strategic merge directive " + name + " at " + String.join(".", path)
                        + " is not supported by this renderer");
            }
            if (value.isNull()) {
                target.remove(name);
                continue;
            }
            JsonNode existing = target.get(name);
            List<String> here = new ArrayList<>(path);
            here.add(name);
            if (value.isObject() && existing != null && existing.isObject()) {
                mergeObject((ObjectNode) existing, (ObjectNode) value, here, kind, knownSchema);
                continue;
            }
            String key = knownSchema ? mergeKey(kind, path, name) : null;
            if (value.isArray() && existing != null && existing.isArray() && key != null) {
                target.set(name, mergeList((ArrayNode) existing, (ArrayNode) value, key, here, kind));
            } else {
                target.set(name, withoutNulls(value));
            }
        }
    }

    private static ArrayNode mergeList(ArrayNode base, ArrayNode patch, String key, List<String> path, String kind) {
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        boolean[] used = new boolean[base.size()];
        for (JsonNode item : patch) {
            if (!item.isObject() || !item.hasNonNull(key)) {
                throw new KustomizeException("patch item of " + String.join(".", path) + " lacks its merge key "
                        + key + ": " + item);
            }
            int match = -1;
            for (int i = 0; i < base.size(); i++) {
                if (!used[i] && item.get(key).equals(base.get(i).get(key))) {
                    match = i;
                    break;
                }
            }
            if (match < 0) {
                merged.add(withoutNulls(item));
            } else {
                used[match] = true;
                ObjectNode copy = base.get(match).deepCopy();
                mergeObject(copy, (ObjectNode) item, path, kind, true);
                merged.add(copy);
            }
        }
        for (int i = 0; i < base.size(); i++) {
            if (!used[i]) {
                merged.add(base.get(i).deepCopy());
            }
        }
        return merged;
    }

    /** The patch merge key of list {@code field} under {@code parents}, or null when the list is atomic. */
    static String mergeKey(String kind, List<String> parents, String field) {
        if ("ports".equals(field)) {
            if (parents.contains("containers") || parents.contains("initContainers")) {
                return "containerPort";
            }
            return "Service".equals(kind) && parents.equals(List.of("spec")) ? "port" : null;
        }
        return MERGE_KEYS.get(field);
    }

    private static JsonNode withoutNulls(JsonNode value) {
        JsonNode copy = value.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    it.remove();
                } else {
                    strip(e.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(StrategicMerge::strip);
        }
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
