package dev.learnflow.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.k8s.render.Kustomize;
import dev.learnflow.k8s.render.Kustomize.ImageRef;
import dev.learnflow.k8s.render.KustomizeException;
import dev.learnflow.k8s.render.Manifests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The renderer on small kustomizations whose `kubectl kustomize` output is known (kustomize v5). */
class KustomizeTest {

    @TempDir
    Path dir;

    @BeforeEach
    void base() throws IOException {
        write("base/kustomization.yaml", """
                namespace: demo
                resources:
                  - namespace.yaml
                  - app.yaml
                """);
        write("base/namespace.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: demo
                """);
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: app
                          image: learnflow/app:1
                          env:
                            - {name: X, value: "1"}
                            - {name: Y, value: "2"}
                            - {name: W, value: "3"}
                          ports:
                            - {name: http, containerPort: 80}
                          securityContext:
                            readOnlyRootFilesystem: true
                            runAsUser: 5
                        - name: other
                          image: registry.local:5000/learnflow/other
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: app
                spec:
                  ports:
                    - {name: http, port: 80, targetPort: http}
                ---
                """ + storeComponent("""
                    - {name: a, value: "1"}
                    - {name: b, value: "2"}
                """));
    }

    @Test
    void patchesMergeListsByKeyInKustomizeOrderAndNullDeletes() throws IOException {
        overlay(deploymentPatch("app", """
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - name: other
                          env:
                            - {name: Q, value: "1"}
                        - name: app
                          env:
                            - {name: Y, value: "9"}
                          securityContext:
                            runAsUser: null
                """));
        JsonNode deployment = Kustomize.render(dir.resolve("overlay")).find("Deployment", "app").orElseThrow();

        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        // kubectl kustomize: the patch's items first (merged), then the base items it did not name.
        assertThat(names(containers)).containsExactly("other", "app");
        assertThat(names(containers.get(1).path("env"))).containsExactly("Y", "X", "W");
        assertThat(containers.get(1).path("env").get(0).path("value").asText()).isEqualTo("9");
        assertThat(containers.get(1).path("securityContext").has("runAsUser")).isFalse();
        assertThat(containers.get(1).path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(containers.get(1).path("ports").get(0).path("containerPort").asInt()).isEqualTo(80);
        assertThat(containers.get(0).path("image").asText()).isEqualTo("registry.local:5000/learnflow/other");
    }

    @Test
    void servicePortsMergeByPortAndCustomResourceListsAreReplaced() throws IOException {
        overlay("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: app
                spec:
                  type: NodePort
                  ports:
                    - {port: 80, nodePort: 30080}
                ---
                """ + storeComponent("""
                    - {name: b, value: "3"}
                """));
        Manifests rendered = Kustomize.render(dir.resolve("overlay"));

        JsonNode port = rendered.find("Service", "app").orElseThrow().path("spec").path("ports").get(0);
        assertThat(port.path("name").asText()).isEqualTo("http");
        assertThat(port.path("targetPort").asText()).isEqualTo("http");
        assertThat(port.path("nodePort").asInt()).isEqualTo(30080);
        JsonNode metadata = rendered.find("Component", "store").orElseThrow().path("spec").path("metadata");
        assertThat(names(metadata)).containsExactly("b");
    }

    @Test
    void namespaceSkipsClusterScopedKindsAndImagesRewriteNameAndTag() throws IOException {
        write("overlay/kustomization.yaml", """
                resources:
                  - ../base
                images:
                  - name: learnflow/app
                    newName: registry.example.com/learnflow/app
                    newTag: 0.1.0
                """);
        Manifests rendered = Kustomize.render(dir.resolve("overlay"));

        assertThat(rendered.find("Namespace", "demo").orElseThrow().path("metadata").has("namespace")).isFalse();
        JsonNode deployment = rendered.find("Deployment", "app").orElseThrow();
        assertThat(deployment.path("metadata").path("namespace").asText()).isEqualTo("demo");
        assertThat(Manifests.podSpec(deployment).path("containers").get(0).path("image").asText())
                .isEqualTo("registry.example.com/learnflow/app:0.1.0");
        assertThat(Manifests.podSpec(deployment).path("containers").get(1).path("image").asText())
                .isEqualTo("registry.local:5000/learnflow/other");
    }

    @Test
    void imageReferencesKeepRegistryPortsApartFromTags() {
        assertThat(ImageRef.parse("registry.local:5000/learnflow/other")).isEqualTo(
                new ImageRef("registry.local:5000/learnflow/other", null, null));
        assertThat(ImageRef.parse("apache/kafka:4.1.1@sha256:abc")).isEqualTo(
                new ImageRef("apache/kafka", "4.1.1", "sha256:abc"));
    }

    @Test
    void whatTheRendererDoesNotImplementIsRefused() throws IOException {
        write("generators/kustomization.yaml", """
                resources: [../base]
                configMapGenerator:
                  - name: x
                    literals: [a=b]
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("generators")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("configMapGenerator");

        write("inline/kustomization.yaml", """
                resources: [../base]
                patches:
                  - target: {kind: Deployment}
                    patch: '[{"op": "remove", "path": "/spec/replicas"}]'
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("inline")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("only patches of the form");

        overlay(deploymentPatch("app", """
                  template:
                    spec:
                      containers:
                        - name: app
                          $patch: delete
                """));
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("overlay")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("$patch");
    }

    @Test
    void aPatchForNothingOrADuplicateResourceFails() throws IOException {
        overlay(deploymentPatch("missing", """
                  replicas: 2
                """));
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("overlay")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("Deployment/missing matches 0");

        write("twice/kustomization.yaml", """
                resources: [../base/app.yaml, ../base/app.yaml]
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("twice")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("defined twice");
    }

    private void overlay(String patch) throws IOException {
        write("overlay/kustomization.yaml", """
                resources:
                  - ../base
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", patch);
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }

    /** A patch of the Deployment {@code name}; {@code spec} is YAML as it sits under its spec. */
    private static String deploymentPatch(String name, String spec) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                """.formatted(name) + spec;
    }

    /** The Dapr Component "store" with these metadata items (YAML list lines, as they sit under spec.metadata). */
    private static String storeComponent(String items) {
        return """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: store
                spec:
                  metadata:
                """ + items;
    }
}
