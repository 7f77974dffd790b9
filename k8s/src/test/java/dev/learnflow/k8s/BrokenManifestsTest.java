package dev.learnflow.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.k8s.check.DaprChecks;
import dev.learnflow.k8s.check.DockerfileChecks;
import dev.learnflow.k8s.check.OverlayChecks;
import dev.learnflow.k8s.check.SecretChecks;
import dev.learnflow.k8s.check.TiltChecks;
import dev.learnflow.k8s.check.WorkloadChecks;
import dev.learnflow.k8s.render.Kustomize;
import dev.learnflow.k8s.render.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.learnflow.k8s.LearnFlow.REPO;
import static dev.learnflow.k8s.LearnFlow.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks can fail: broken variants of the real manifests (fixture overlays under
 * src/test/resources/fixtures, or a rendering changed in memory) must each produce the problem they plant.
 */
class BrokenManifestsTest {

    @Test
    void aMissingDaprAppPortAnnotationIsCaught() {
        Manifests broken = Kustomize.render(LearnFlow.fixture("missing-app-port"));

        assertThat(LearnFlow.commonProblems(broken))
                .containsExactly("Deployment/debug: annotation dapr.io/app-port is missing");
    }

    @Test
    void aContainerRunningAsRootIsCaught() {
        Manifests broken = Kustomize.render(LearnFlow.fixture("root-user"));

        assertThat(LearnFlow.commonProblems(broken))
                .containsExactly("Deployment/progress container progress: runAsUser must be a non-zero uid");
    }

    @Test
    void anAccessControlPolicyForAnUnknownAppIsCaught() {
        Manifests broken = Kustomize.render(LearnFlow.fixture("unknown-caller"));

        assertThat(LearnFlow.productionProblems(broken)).anyMatch(p -> p.contains("unknown app-id 'grader'"))
                .anyMatch(p -> p.contains("grants Grant[caller=grader"));
    }

    @Test
    void aRelaxedSeccompProfileOutsideTheSandboxIsCaught() {
        Manifests broken = Kustomize.render(LearnFlow.fixture("unconfined-triage"));

        assertThat(LearnFlow.productionProblems(broken)).containsExactly(
                "Deployment/triage container triage: seccompProfile must be RuntimeDefault");
    }

    @Test
    void theSandboxWithoutItsUserNamespaceIsCaught() {
        Manifests broken = LearnFlow.production();
        ObjectNode pod = (ObjectNode) Manifests.podSpec(broken.find("Deployment", "code-execution").orElseThrow());
        pod.remove("hostUsers");

        assertThat(WorkloadChecks.hardening(broken, LearnFlow.SANDBOX, REPO.path("k8s/seccomp")))
                .containsExactly("Deployment/code-execution: must set hostUsers: false (procMount Unmasked "
                        + "is only allowed in a user namespace)");
    }

    @Test
    void missingProbesLimitsAndWrongPortsAreCaught() {
        Manifests broken = LearnFlow.kind();
        ObjectNode gateway = container(broken, "gateway");
        gateway.remove("readinessProbe");
        ((ObjectNode) gateway.path("resources").path("limits")).remove("memory");
        ObjectNode service = broken.find("Service", "exercise").orElseThrow();
        ((ObjectNode) service.path("spec").path("ports").get(0)).put("port", 8080);

        assertThat(LearnFlow.commonProblems(broken)).containsExactlyInAnyOrder(
                "Deployment/gateway container gateway: readinessProbe (httpGet /q/health/ready) is missing",
                "Deployment/gateway container gateway: resources.limits.memory is missing",
                "Service/exercise: no port 8105 targeting the container's port 8105");
    }

    @Test
    void aServiceWithoutItsDatabaseEnvironmentIsCaught() {
        Manifests broken = LearnFlow.kind();
        ArrayNode env = (ArrayNode) container(broken, "notification").path("env");
        env.remove(4); // LEARNFLOW_DB_PASSWORD

        assertThat(WorkloadChecks.services(broken, SERVICES))
                .containsExactly("Deployment/notification container notification: LEARNFLOW_DB_PASSWORD is not set");
    }

    @Test
    void productionWithoutAPodDisruptionBudgetOrWithOneReplicaIsCaught() {
        Manifests broken = new Manifests(LearnFlow.production().all().stream()
                .filter(r -> !Manifests.id(r).equals("PodDisruptionBudget/learnflow/gateway")).toList());
        ((ObjectNode) broken.find("Deployment", "debug").orElseThrow().path("spec")).put("replicas", 1);

        assertThat(OverlayChecks.production(broken, SERVICES, LearnFlow.SINGLETONS)).containsExactlyInAnyOrder(
                "Deployment/gateway: needs exactly one PodDisruptionBudget selecting its pods, has 0",
                "Deployment/debug: needs replicas >= 2 in production, has 1");
    }

    @Test
    void aComponentUsedInCodeButDefinedNowhereIsCaught(@TempDir Path sources) throws IOException {
        Path file = sources.resolve("dev/learnflow/example/CacheStore.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package dev.learnflow.example;
                class CacheStore {
                    void put(io.dapr.client.DaprClient dapr) {
                        dapr.saveState("cache-store", "k", "v").block();
                    }
                }
                """);
        Set<String> names = new TreeSet<>(dev.learnflow.k8s.check.CodeComponentNames.names(List.of(sources)));
        names.add(EventTopic.PUBSUB_NAME);

        assertThat(names).containsExactly("cache-store", "kafka-pubsub");
        assertThat(DaprChecks.components(LearnFlow.kind(), REPO.localComponents(), names)).containsExactly(
                "dapr/components: no component 'cache-store' (used in code)",
                "k8s: no Component 'cache-store' (used in code)");
    }

    @Test
    void aMissingCallerGrantOrAGrantOnTheWrongAppIsCaught() {
        Manifests broken = LearnFlow.kind();
        // Drop exercise's grant on code-execution and move triage's grant onto the gateway-only Configuration.
        ObjectNode runs = broken.find("Configuration", "learnflow-code-execution").orElseThrow();
        ArrayNode runPolicies = (ArrayNode) runs.path("spec").path("accessControl").path("policies");
        for (int i = runPolicies.size() - 1; i >= 0; i--) {
            if ("exercise".equals(runPolicies.get(i).path("appId").asText())) {
                runPolicies.remove(i);
            }
        }
        ObjectNode progress = broken.find("Configuration", "learnflow-progress").orElseThrow();
        ArrayNode progressPolicies = (ArrayNode) progress.path("spec").path("accessControl").path("policies");
        ObjectNode triage = (ObjectNode) progressPolicies.remove(1);
        ((ArrayNode) broken.find("Configuration", "learnflow").orElseThrow().path("spec").path("accessControl")
                .path("policies")).add(triage);

        List<String> problems = DaprChecks.accessControl(broken, REPO.localConfiguration(), SERVICES,
                LearnFlow.EXTRA_GRANTS, LearnFlow.SERVED_BY);
        assertThat(problems).anyMatch(p -> p.startsWith("k8s: access control lacks Grant[caller=exercise, "
                + "operation=/internal/runs/**"));
        assertThat(problems).anyMatch(p -> p.startsWith("Configuration/learnflow policy triage: grants "
                + "/internal/students/**, which progress serves, but this Configuration is used by"));
    }

    @Test
    void resiliencyWithoutABreakerForAnAgentOrWithEndlessRetriesIsCaught() {
        Manifests broken = LearnFlow.kind();
        ObjectNode resiliency = broken.find("Resiliency", "learnflow").orElseThrow();
        ((ObjectNode) resiliency.path("spec").path("targets").path("apps").path("concepts")).remove("circuitBreaker");
        ((ObjectNode) resiliency.path("spec").path("policies").path("retries").path("deliveryBackoff"))
                .put("maxRetries", -1);

        assertThat(DaprChecks.resiliency(broken, SERVICES, LearnFlow.union(LearnFlow.LLM_AGENTS,
                Set.of(LearnFlow.SANDBOX)), EventTopic.PUBSUB_NAME)).containsExactlyInAnyOrder(
                "Resiliency/learnflow: retry deliveryBackoff must have a bounded maxRetries > 0",
                "k8s: Resiliency must give concepts a timeout, a retry and a circuit breaker");
    }

    @Test
    void aResourceOutsideTheNamespaceIsCaught() {
        Manifests broken = LearnFlow.kind();
        ((ObjectNode) broken.find("StatefulSet", "kafka").orElseThrow().path("metadata")).remove("namespace");

        assertThat(OverlayChecks.namespace(broken)).containsExactly("StatefulSet/kafka: is not in namespace learnflow");
    }

    @Test
    void aMissingDeadLetterTopicIsCaught() {
        Manifests broken = LearnFlow.kind();
        ObjectNode data = (ObjectNode) broken.find("ConfigMap", "learnflow-kafka-topics").orElseThrow().path("data");
        data.put("TOPICS", data.path("TOPICS").asText().replace("struggle.detected.dlq", ""));

        assertThat(DaprChecks.topics(broken, LearnFlow.topics())).hasSize(1)
                .allMatch(p -> p.startsWith("ConfigMap/learnflow-kafka-topics: TOPICS"))
                .allMatch(p -> p.contains("differ from"));
    }

    @Test
    void aTiltfileBuildingAnotherImageNameIsCaught() {
        String tiltfile = LearnFlow.tiltfile().replace("'learnflow/progress'", "'learnflow/progress-service'")
                .replace("'learnflow-progress:configuration'", "'learnflow-progres:configuration'");

        assertThat(TiltChecks.check(tiltfile, SERVICES, LearnFlow.kind())).containsExactlyInAnyOrder(
                "Tiltfile: progress builds image learnflow/progress-service but the kind manifests run learnflow/progress",
                "Tiltfile: object 'learnflow-progres:configuration' is not in the kind rendering");
    }

    @Test
    void aSecretTheTiltfileDoesNotCreateIsCaught() {
        String script = REPO.read("k8s/kind/dev-secrets.sh").replace("ensure_secret learnflow-kafka brokers=kafka:9092",
                "ensure_secret learnflow-kafka bootstrap=kafka:9092");

        assertThat(SecretChecks.provided(SecretChecks.required(LearnFlow.kind()), SecretChecks.createdByScript(script),
                "k8s/kind/dev-secrets.sh")).containsExactly("k8s/kind/dev-secrets.sh: Secret learnflow-kafka lacks key brokers");
    }

    @Test
    void aDockerfileEntrypointTheTiltfileDoesNotRestartIsCaught() {
        Map<String, List<String>> entrypoints = new HashMap<>(LearnFlow.tiltEntrypoints(LearnFlow.tiltfile()));
        entrypoints.put("debug", List.of("java", "-jar", "/deployments/quarkus-run.jar"));

        assertThat(DockerfileChecks.check(REPO, SERVICES, LearnFlow.production(), LearnFlow.SANDBOX, entrypoints))
                .containsExactly("services/debug/src/main/docker/Dockerfile.jvm: ENTRYPOINT "
                        + "[/opt/jboss/container/java/run/run-java.sh] differs from the Tiltfile's restart entrypoint "
                        + "[java, -jar, /deployments/quarkus-run.jar]");
    }

    private static ObjectNode container(Manifests manifests, String service) {
        return (ObjectNode) Manifests.podSpec(manifests.find("Deployment", service).orElseThrow())
                .path("containers").get(0);
    }
}
