package dev.learnflow.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.k8s.render.Kustomize;
import dev.learnflow.k8s.render.Manifests;
import dev.learnflow.k8s.render.Yaml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real kustomize ({@code kubectl kustomize}) and the Java renderer produce the same resources for every overlay
 * and fixture. Runs only where kubectl is installed (profile "kubectl" in k8s/pom.xml activates it).
 */
class KubectlKustomizeCrossCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/kind", "overlays/production", "src/test/resources/fixtures/missing-app-port",
            "src/test/resources/fixtures/root-user", "src/test/resources/fixtures/unknown-caller",
            "src/test/resources/fixtures/unconfined-triage"})
    void javaRendererMatchesKubectlKustomize(String kustomization) throws Exception {
        Path dir = LearnFlow.REPO.path("k8s/" + kustomization);

        Map<String, JsonNode> expected = byId(new Manifests(Yaml.readAll(kubectlKustomize(dir), "kubectl kustomize")));
        Map<String, JsonNode> actual = byId(Kustomize.render(dir));

        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, resource) -> assertThat(actual.get(id)).as(id).isEqualTo(resource));
    }

    private static String kubectlKustomize(Path dir) throws IOException, InterruptedException {
        // kubectl before 1.21 embeds kustomize v2.0.3 (Debian 12's kubernetes-client is 1.20), which cannot read
        // these kustomizations at all: say so instead of failing on a parse error.
        Process version = new ProcessBuilder("kubectl", "version", "--client", "-o", "json").start();
        String versionJson = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        version.waitFor(30, TimeUnit.SECONDS);
        assertThat(versionJson).as("kubectl with kustomize v4 or newer (kubectl >= 1.21) is needed for this check")
                .containsPattern("\"kustomizeVersion\":\\s*\"v[4-9]");
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + dir + ": " + err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Map<String, JsonNode> byId(Manifests manifests) {
        Map<String, JsonNode> map = new TreeMap<>();
        manifests.all().forEach(r -> map.put(Manifests.id(r), r));
        return map;
    }
}
