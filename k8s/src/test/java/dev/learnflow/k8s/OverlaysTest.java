package dev.learnflow.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.k8s.check.DockerfileChecks;
import dev.learnflow.k8s.check.SecretChecks;
import dev.learnflow.k8s.check.ServiceSpec;
import dev.learnflow.k8s.check.TiltChecks;
import dev.learnflow.k8s.render.Manifests;
import dev.learnflow.k8s.render.Yaml;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.learnflow.k8s.LearnFlow.REPO;
import static dev.learnflow.k8s.LearnFlow.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Renders every overlay and checks the invariants of k8s/README.md against the repository. */
class OverlaysTest {

    @Test
    void theRepositoryHasTheTenServicesOnTheirFixedPorts() {
        // The checks derive everything from the modules; this pins the table the issue and README give.
        assertThat(SERVICES).extracting(ServiceSpec::name, ServiceSpec::port).containsExactlyInAnyOrder(
                tuple("gateway", 8180), tuple("triage", 8100),
                tuple("concepts", 8101), tuple("code-review", 8103),
                tuple("debug", 8104), tuple("exercise", 8105),
                tuple("progress", 8106), tuple("code-execution", 8107),
                tuple("websocket", 8108), tuple("notification", 8109));
    }

    @Test
    void kindOverlayRendersAndHoldsEveryInvariant() throws IOException {
        Manifests kind = LearnFlow.kind();
        writeRendering("kind", kind);

        assertThat(kind.ofKind("Deployment")).hasSize(SERVICES.size());
        assertThat(kind.ofKind("StatefulSet")).extracting(Manifests::name).containsExactlyInAnyOrder("kafka", "postgres");
        assertThat(LearnFlow.kindProblems(kind, REPO.read("k8s/kind/dev-secrets.sh"))).isEmpty();
    }

    @Test
    void productionOverlayRendersAndHoldsEveryInvariant() throws IOException {
        Manifests production = LearnFlow.production();
        writeRendering("production", production);

        assertThat(production.ofKind("HorizontalPodAutoscaler")).hasSize(SERVICES.size() - LearnFlow.SINGLETONS.size());
        assertThat(production.ofKind("PodDisruptionBudget")).hasSize(SERVICES.size() - LearnFlow.SINGLETONS.size());
        assertThat(LearnFlow.productionProblems(production)).isEmpty();
    }

    @Test
    void everyResourceLivesInTheLearnflowNamespace() {
        for (Manifests m : List.of(LearnFlow.kind(), LearnFlow.production())) {
            for (JsonNode r : m.all()) {
                if (!"Namespace".equals(r.path("kind").asText())) {
                    assertThat(r.path("metadata").path("namespace").asText()).as(Manifests.id(r)).isEqualTo("learnflow");
                }
            }
        }
    }

    @Test
    void componentsTheCodeUsesExistLocallyAndOnKubernetes() {
        Set<String> names = LearnFlow.componentNamesInCode();
        // What the code uses today; the scan must at least see these (a broken scan would make the check vacuous).
        assertThat(names).contains(EventTopic.PUBSUB_NAME, "statestore");
        assertThat(LearnFlow.kind().find("Component", EventTopic.PUBSUB_NAME)).isPresent();
        assertThat(REPO.localComponents()).extracting(Manifests::name).contains(EventTopic.PUBSUB_NAME, "statestore");
    }

    @Test
    void everyRequiredSecretIsCreatedOnKindAndDocumentedForProduction() {
        Map<String, Set<String>> kindNeeds = SecretChecks.required(LearnFlow.kind());
        Map<String, Set<String>> productionNeeds = SecretChecks.required(LearnFlow.production());
        assertThat(kindNeeds).containsKeys("learnflow-db", "learnflow-state", "learnflow-kafka", "learnflow-jwt",
                "learnflow-app-token", "learnflow-dapr-api-token");
        assertThat(kindNeeds.get("learnflow-jwt")).containsExactlyInAnyOrder("jwt-private.pem", "jwt-public.pem");

        String readme = REPO.read("k8s/README.md");
        productionNeeds.forEach((name, keys) -> {
            assertThat(readme).as("k8s/README.md documents Secret " + name).contains("`" + name + "`");
            keys.forEach(key -> assertThat(readme).as("k8s/README.md documents key " + key + " of " + name)
                    .contains(key));
        });
    }

    @Test
    void tiltfileBuildsTheImagesTheKindManifestsRun() {
        String tiltfile = LearnFlow.tiltfile();
        assertThat(TiltChecks.services(tiltfile)).hasSize(SERVICES.size());
        assertThat(TiltChecks.check(tiltfile, SERVICES, LearnFlow.kind())).isEmpty();
    }

    @Test
    void dockerfilesUseTheFastJarLayoutAndMatchTheManifests() {
        assertThat(DockerfileChecks.check(REPO, SERVICES, LearnFlow.production(), LearnFlow.SANDBOX,
                LearnFlow.tiltEntrypoints(LearnFlow.tiltfile()))).isEmpty();
    }

    @Test
    void sandboxSeccompProfileAllowsWhatBubblewrapNeedsAndDeniesTheRest() {
        JsonNode profile = Yaml.readOne(REPO.path("k8s/seccomp/learnflow-sandbox.json"));
        assertThat(profile.path("defaultAction").asText()).isEqualTo("SCMP_ACT_ALLOW");
        List<String> denied = new java.util.ArrayList<>();
        for (JsonNode rule : profile.path("syscalls")) {
            assertThat(rule.path("action").asText()).isEqualTo("SCMP_ACT_ERRNO");
            rule.path("names").forEach(n -> denied.add(n.asText()));
        }
        // bubblewrap builds its namespaces and mounts with these; the JVM and python3 need the rest of the default.
        assertThat(denied).doesNotContainAnyElementsOf(List.of("clone", "clone3", "unshare", "mount", "umount2",
                "pivot_root", "chroot", "sethostname", "capset", "prctl", "setresuid", "setresgid", "setgroups",
                "execve", "wait4", "pipe2", "openat", "mbind", "get_mempolicy", "sched_getaffinity"));
        // Kernel surface no sandboxed program needs.
        assertThat(denied).contains("bpf", "kexec_load", "init_module", "finit_module", "perf_event_open",
                "userfaultfd", "io_uring_setup", "keyctl", "add_key", "ptrace", "open_by_handle_at", "setns");
    }

    @Test
    void kindClusterMountsTheSeccompProfilesWhereTheKubeletLooks() {
        JsonNode cluster = Yaml.readOne(REPO.path("k8s/kind/cluster.yaml"));
        JsonNode mount = cluster.path("nodes").get(0).path("extraMounts").get(0);
        assertThat(mount.path("containerPath").asText()).isEqualTo("/var/lib/kubelet/seccomp/profiles");
        assertThat(REPO.path(mount.path("hostPath").asText()).resolve("learnflow-sandbox.json")).isRegularFile();
        assertThat(cluster.path("featureGates").path("UserNamespacesSupport").asBoolean()).isTrue();
        assertThat(cluster.path("featureGates").path("ProcMountType").asBoolean()).isTrue();
    }

    @Test
    void readmeExplainsHowToRunOnKubernetes() {
        String readme = REPO.read("README.md");
        assertThat(readme).contains("## Run on Kubernetes", "kind create cluster --name learnflow --config "
                + "k8s/kind/cluster.yaml", "tilt up");
    }

    /** target/rendered/<overlay>.yaml: what the checks saw, for a human to read. */
    private static void writeRendering(String overlay, Manifests manifests) throws IOException {
        Path out = REPO.path("k8s/target/rendered/" + overlay + ".yaml");
        Files.createDirectories(out.getParent());
        Files.writeString(out, Yaml.write(manifests.all()));
    }
}
