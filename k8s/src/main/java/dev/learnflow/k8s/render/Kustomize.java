package dev.learnflow.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization directory the way {@code kubectl kustomize} does, for the subset LearnFlow uses:
 * {@code resources} (files and directories that are kustomizations themselves), {@code patches} with a
 * {@code path} to strategic merge patches (targeted by their own kind and name), {@code namespace} and
 * {@code images}. Transformers run in kustomize's order: patches, then namespace, then images. Anything else in a
 * kustomization (generators, labels, inline patches, targets, ...) is refused with a {@link KustomizeException},
 * so a manifest change that needs more of kustomize makes the tests fail rather than render something else.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "patches",
            "namespace", "images");
    private static final Set<String> SUPPORTED_IMAGE_FIELDS = Set.of("name", "newName", "newTag");
    /** Kinds kustomize never puts in a namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "APIService",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "IngressClass", "RuntimeClass");

    private Kustomize() {
    }

    /** All resources of the kustomization in {@code directory}, fully transformed. */
    public static Manifests render(Path directory) {
        return new Manifests(build(directory.toAbsolutePath().normalize(), new ArrayDeque<>()));
    }

    private static List<ObjectNode> build(Path dir, Deque<Path> stack) {
        if (stack.contains(dir)) {
            throw new KustomizeException("kustomization cycle through " + dir);
        }
        stack.push(dir);
        try {
            Path file = kustomizationFile(dir);
            ObjectNode kustomization = Yaml.readOne(file);
            kustomization.fieldNames().forEachRemaining(field -> {
                if (!SUPPORTED_FIELDS.contains(field)) {
                    throw new KustomizeException(file + ": field '" + field + "' is not supported by this renderer");
                }
            });
            List<ObjectNode> resources = new ArrayList<>();
            for (JsonNode entry : array(kustomization, "resources", file)) {
                Path path = dir.resolve(entry.asText()).normalize();
                if (Files.isDirectory(path)) {
                    resources.addAll(build(path, stack));
                } else if (Files.isRegularFile(path)) {
                    resources.addAll(Yaml.readAll(path));
                } else {
                    throw new KustomizeException(file + ": resource " + entry.asText() + " does not exist");
                }
            }
            requireUniqueIds(resources, file);
            for (JsonNode entry : array(kustomization, "patches", file)) {
                applyPatches(resources, entry, dir, file);
            }
            if (kustomization.hasNonNull("namespace")) {
                String namespace = kustomization.get("namespace").asText();
                for (ObjectNode resource : resources) {
                    if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                        metadata(resource).put("namespace", namespace);
                    }
                }
                requireUniqueIds(resources, file);
            }
            for (JsonNode entry : array(kustomization, "images", file)) {
                applyImage(resources, entry, file);
            }
            return resources;
        } finally {
            stack.pop();
        }
    }

    private static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new KustomizeException("no kustomization.yaml in " + dir);
    }

    private static void applyPatches(List<ObjectNode> resources, JsonNode entry, Path dir, Path file) {
        if (!entry.isObject() || entry.size() != 1 || !entry.hasNonNull("path")) {
            throw new KustomizeException(file + ": only patches of the form '- path: file.yaml' are supported, not "
                    + entry);
        }
        Path patchFile = dir.resolve(entry.get("path").asText()).normalize();
        for (ObjectNode patch : Yaml.readAll(patchFile)) {
            String kind = patch.path("kind").asText();
            String name = patch.path("metadata").path("name").asText();
            String namespace = patch.path("metadata").path("namespace").asText(null);
            List<ObjectNode> targets = resources.stream()
                    .filter(r -> kind.equals(r.path("kind").asText()))
                    .filter(r -> name.equals(r.path("metadata").path("name").asText()))
                    .filter(r -> namespace == null || namespace.equals(r.path("metadata").path("namespace").asText()))
                    .toList();
            if (targets.size() != 1) {
                throw new KustomizeException(patchFile + ": patch for " + kind + "/" + name + " matches "
                        + targets.size() + " resources, expected exactly one");
            }
            StrategicMerge.apply(targets.get(0), patch);
        }
    }

    private static void applyImage(List<ObjectNode> resources, JsonNode entry, Path file) {
        entry.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_IMAGE_FIELDS.contains(field)) {
                throw new KustomizeException(file + ": images field '" + field + "' is not supported");
            }
        });
        String name = entry.path("name").asText();
        for (ObjectNode resource : resources) {
            rewriteImages(resource, name, entry.path("newName").asText(null), entry.path("newTag").asText(null));
        }
    }

    /** Every container and init container image anywhere in the resource (pod templates, job templates). */
    private static void rewriteImages(JsonNode node, String name, String newName, String newTag) {
        if (node.isObject()) {
            for (String list : List.of("containers", "initContainers")) {
                JsonNode containers = node.get(list);
                if (containers != null && containers.isArray()) {
                    for (JsonNode container : containers) {
                        if (container.hasNonNull("image")) {
                            ImageRef ref = ImageRef.parse(container.get("image").asText());
                            if (ref.name().equals(name)) {
                                ((ObjectNode) container).put("image", ref.with(newName, newTag).toString());
                            }
                        }
                    }
                }
            }
            Iterator<JsonNode> children = node.elements();
            children.forEachRemaining(child -> rewriteImages(child, name, newName, newTag));
        } else if (node.isArray()) {
            node.forEach(child -> rewriteImages(child, name, newName, newTag));
        }
    }

    private static void requireUniqueIds(List<ObjectNode> resources, Path file) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode resource : resources) {
            String id = Manifests.id(resource);
            if (!seen.add(id)) {
                throw new KustomizeException(file + ": resource " + id + " is defined twice");
            }
        }
    }

    private static ArrayNode array(ObjectNode kustomization, String field, Path file) {
        JsonNode node = kustomization.get(field);
        if (node == null || node.isNull()) {
            return kustomization.arrayNode();
        }
        if (!node.isArray()) {
            throw new KustomizeException(file + ": " + field + " must be a list");
        }
        return (ArrayNode) node;
    }

    private static ObjectNode metadata(ObjectNode resource) {
        JsonNode metadata = resource.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            throw new KustomizeException("resource without metadata: " + resource);
        }
        return (ObjectNode) metadata;
    }

    /** {@code name[:tag][@digest]}; a colon before the last slash belongs to a registry port, not a tag. */
    public record ImageRef(String name, String tag, String digest) {

        public static ImageRef parse(String image) {
            String digest = null;
            int at = image.indexOf('@');
            if (at >= 0) {
                digest = image.substring(at + 1);
                image = image.substring(0, at);
            }
            int colon = image.lastIndexOf(':');
            if (colon > image.lastIndexOf('/')) {
                return new ImageRef(image.substring(0, colon), image.substring(colon + 1), digest);
            }
            return new ImageRef(image, null, digest);
        }

        ImageRef with(String newName, String newTag) {
            return new ImageRef(newName != null ? newName : name, newTag != null ? newTag : tag, digest);
        }

        @Override
        public String toString() {
            return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
        }
    }
}
