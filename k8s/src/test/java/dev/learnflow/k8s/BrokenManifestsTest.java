package dev.learnflow.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.k8s.check.DaprChecks;
import dev.learnflow.k8s.check.DockerfileChecks;
import dev.learnflow.k8s.check.NetworkChecks;
import dev.learnflow.k8s.check.OverlayChecks;
import dev.learnflow.k8s.check.SecretChecks;
import dev.learnflow.k8s.check.SecurityChecks;
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
        for (int i = env.size() - 1; i >= 0; i--) {
            if ("LEARNFLOW_DB_PASSWORD".equals(env.get(i).path("name").asText())) {
                env.remove(i);
            }
        }

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
    void resiliencyWithoutARetryForAnAgentWithEndlessRetriesOrUnlikeTheLocalMeshIsCaught() {
        Manifests broken = LearnFlow.kind();
        ObjectNode resiliency = broken.find("Resiliency", "learnflow").orElseThrow();
        ((ObjectNode) resiliency.path("spec").path("targets").path("apps").path("concepts")).remove("retry");
        ((ObjectNode) resiliency.path("spec").path("policies").path("retries").path("deliveryBackoff"))
                .put("maxRetries", -1);

        assertThat(DaprChecks.resiliency(broken, SERVICES, LearnFlow.union(LearnFlow.LLM_AGENTS,
                Set.of(LearnFlow.SANDBOX)), EventTopic.PUBSUB_NAME, REPO.localResiliency())).containsExactlyInAnyOrder(
                "Resiliency/learnflow: differs from dapr/resiliency.yaml (the local mesh's policies) at "
                        + "spec.policies.retries.deliveryBackoff.maxRetries",
                "Resiliency/learnflow: retry deliveryBackoff must have a bounded maxRetries > 0",
                "k8s: Resiliency must give concepts a timeout and a retry");
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

    // ----------------------------------------------------------------------------------------------------------
    // What issue #18 found in the manifests as they were: each variant below restores one finding.

    @Test
    void appContainersWithoutTheDaprTokensAreCaught() {
        Manifests broken = LearnFlow.production();
        ArrayNode env = (ArrayNode) container(broken, "debug").path("env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).path("name").asText().endsWith("_API_TOKEN")) {
                env.remove(i);
            }
        }

        assertThat(SecurityChecks.daprTokens(broken, SERVICES, LearnFlow.ACTOR_HOSTS)).containsExactlyInAnyOrder(
                "Deployment/debug container debug: APP_API_TOKEN is not set (the injector gives the token to daprd only)",
                "Deployment/debug container debug: DAPR_API_TOKEN is not set (the injector gives the token to daprd only)");
    }

    @Test
    void anApiTokenOnTheActorHostIsCaught() {
        Manifests broken = LearnFlow.kind();
        ObjectNode annotations = (ObjectNode) Manifests.podTemplate(broken.find("Deployment", "progress").orElseThrow())
                .path("metadata").path("annotations");
        annotations.put("dapr.io/api-token-secret", "learnflow-dapr-api-token");

        assertThat(SecurityChecks.daprTokens(broken, SERVICES, LearnFlow.ACTOR_HOSTS)).containsExactly(
                "Deployment/progress: hosts actors, so its daprd must not demand an api token (dapr.io/api-token-secret):"
                        + " the SDK's actor channel sends none",
                "Deployment/progress container progress: DAPR_API_TOKEN is not set (the injector gives the token to "
                        + "daprd only)");
    }

    @Test
    void aTiltRestartFileUnderTheTmpEmptyDirIsCaught() {
        String tiltfile = LearnFlow.tiltfile().replace("        restart_file=RESTART_FILE,\n", "");

        assertThat(TiltChecks.restartFile(tiltfile)).isEqualTo("/tmp/.restart-proc");
        assertThat(TiltChecks.check(tiltfile, SERVICES, LearnFlow.kind())).hasSize(SERVICES.size())
                .allMatch(p -> p.contains("lies under /tmp"));
    }

    @Test
    void withoutNetworkPoliciesEveryPortIsOpenToEveryPod() {
        Manifests open = new Manifests(LearnFlow.kind().all().stream()
                .filter(r -> !"NetworkPolicy".equals(r.path("kind").asText())).toList());

        List<String> problems = NetworkChecks.check(open, SERVICES, LearnFlow.PUBLIC_SERVICES, LearnFlow.KIND_PUBLIC);
        assertThat(problems).contains("Deployment/progress: no NetworkPolicy isolates its pods (any pod may connect)",
                "Deployment/progress: app port 8106 is open to Deployment/triage",
                "Deployment/code-execution: daprd's API port 3500 is open to a pod in namespace other",
                "Deployment/websocket: daprd's internal port 50002 is open to the ingress controller");
        assertThat(NetworkChecks.dependency(open, "postgres", 5432, LearnFlow.postgresClients(),
                LearnFlow.servicesOutside(LearnFlow.postgresClients()))).contains(
                "StatefulSet/postgres: port 5432 is open to Deployment/websocket, which must not reach it",
                "StatefulSet/postgres: port 5432 is open to client 203.0.113.7");
    }

    @Test
    void aPolicyLettingAnyPodReachTheSandboxDirectlyIsCaught() {
        Manifests broken = LearnFlow.production();
        ObjectNode leaky = broken.find("NetworkPolicy", "dapr-sidecars").orElseThrow().deepCopy();
        ((ObjectNode) leaky.path("metadata")).put("name", "leaky");
        ((ObjectNode) leaky.path("spec").path("ingress").get(0).path("ports").get(0)).put("port", 8107);
        List<ObjectNode> all = new java.util.ArrayList<>(broken.all());
        all.add(leaky);

        assertThat(NetworkChecks.check(new Manifests(all), SERVICES, LearnFlow.PUBLIC_SERVICES,
                LearnFlow.PRODUCTION_PUBLIC)).containsExactlyInAnyOrder(
                "Deployment/code-execution: app port 8107 is open to Deployment/gateway",
                "Deployment/code-execution: app port 8107 is open to Deployment/triage",
                "Deployment/code-execution: app port 8107 is open to Deployment/concepts",
                "Deployment/code-execution: app port 8107 is open to Deployment/code-review",
                "Deployment/code-execution: app port 8107 is open to Deployment/debug",
                "Deployment/code-execution: app port 8107 is open to Deployment/exercise",
                "Deployment/code-execution: app port 8107 is open to Deployment/progress",
                "Deployment/code-execution: app port 8107 is open to Deployment/code-execution",
                "Deployment/code-execution: app port 8107 is open to Deployment/websocket",
                "Deployment/code-execution: app port 8107 is open to Deployment/notification");
    }

    @Test
    void aWebsocketIngressExposingItsInternalRoutesIsCaught() {
        Manifests broken = LearnFlow.production();
        ObjectNode path = (ObjectNode) broken.find("Ingress", "websocket").orElseThrow().path("spec").path("rules")
                .get(0).path("http").path("paths").get(0);
        path.put("path", "/").put("pathType", "Prefix");
        ((ObjectNode) broken.find("Ingress", "gateway").orElseThrow().path("spec")).remove("tls");

        assertThat(SecurityChecks.ingress(broken, SERVICES, LearnFlow.PUBLIC_SERVICES, LearnFlow.PUBLIC_PATHS))
                .containsExactlyInAnyOrder(
                        "Service/websocket: Ingress exposes Prefix /, only [/ws] (Exact) may be public",
                        "Ingress/gateway: host 'learnflow.example.com' is served without TLS");
    }

    @Test
    void componentsWithoutScopesAreCaught() {
        Manifests broken = LearnFlow.kind();
        ((ObjectNode) broken.find("Component", "statestore").orElseThrow()).remove("scopes");
        ArrayNode pubsubScopes = (ArrayNode) broken.find("Component", "kafka-pubsub").orElseThrow().path("scopes");
        pubsubScopes.add("gateway");

        assertThat(SecurityChecks.scopes(broken, LearnFlow.COMPONENT_SCOPES, LearnFlow.COMPONENT_USAGE,
                LearnFlow.serviceSources())).containsExactlyInAnyOrder(
                "Component/statestore: has no scopes: every sidecar would load it and its secrets",
                "Component/statestore: scopes [] differ from [code-review, concepts, debug, exercise, gateway, "
                        + "notification, progress, triage]",
                "Component/kafka-pubsub: scopes [code-execution, code-review, concepts, debug, exercise, gateway, "
                        + "notification, progress, triage, websocket] differ from [code-execution, code-review, "
                        + "concepts, debug, exercise, notification, progress, triage, websocket]");
    }

    @Test
    void anAppLeftOutOfAScopeWhileItsCodeUsesTheComponentIsCaught(@TempDir Path sources) throws IOException {
        Path file = sources.resolve("dev/learnflow/websocket/client/Sessions.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class Sessions { void keep(io.dapr.client.DaprClient d) { d.saveState(\"statestore\", \"k\", 1); } }");
        Map<String, Path> serviceSources = new HashMap<>(LearnFlow.serviceSources());
        serviceSources.put("websocket", sources);

        assertThat(SecurityChecks.scopes(LearnFlow.kind(), LearnFlow.COMPONENT_SCOPES, LearnFlow.COMPONENT_USAGE,
                serviceSources)).containsExactly("Component/statestore: websocket is out of scope but its code uses "
                + "statestore (" + LearnFlow.COMPONENT_USAGE.get("statestore").pattern() + ")");
    }

    @Test
    void mtlsInAnAppConfigurationAndTracesWithoutAnExporterAreCaught() {
        Manifests broken = LearnFlow.production();
        ObjectNode spec = (ObjectNode) broken.find("Configuration", "learnflow-progress").orElseThrow().path("spec");
        spec.putObject("mtls").put("enabled", true);
        ((ObjectNode) spec.path("tracing")).remove("otel");

        assertThat(DaprChecks.accessControl(broken, REPO.localConfiguration(), SERVICES, LearnFlow.EXTRA_GRANTS,
                LearnFlow.SERVED_BY)).containsExactly("Configuration/learnflow-progress: spec.mtls is ignored in an "
                + "app's Configuration on Kubernetes (mTLS is the control plane's, Configuration daprsystem): remove it");
        assertThat(DaprChecks.tracingExport(broken)).containsExactlyInAnyOrder(
                "Configuration/learnflow-progress: tracing.otel.endpointAddress is missing: sampled traces go nowhere",
                "Configuration/learnflow-progress: tracing.otel.protocol must be grpc or http");
    }

    @Test
    void anUnpinnedKafkaProtocolVersionIsCaught() {
        Manifests broken = LearnFlow.kind();
        ArrayNode metadata = (ArrayNode) broken.find("Component", "kafka-pubsub").orElseThrow().path("spec")
                .path("metadata");
        for (int i = metadata.size() - 1; i >= 0; i--) {
            if ("version".equals(metadata.get(i).path("name").asText())) {
                metadata.remove(i);
            }
        }

        assertThat(DaprChecks.components(broken, REPO.localComponents(), LearnFlow.componentNamesInCode()))
                .contains("Component/kafka-pubsub: metadata version must pin the brokers' protocol version (2.1.0 "
                        + "or later; daprd's default 2.0.0 uses requests Kafka 4 refuses), is ''");
    }

    @Test
    void breakersThatPauseMoreThanTheyConcernAndALongStateRetryAreCaught() {
        Manifests broken = LearnFlow.kind();
        ObjectNode spec = (ObjectNode) broken.find("Resiliency", "learnflow").orElseThrow().path("spec");
        ((ObjectNode) spec.path("targets").path("actors").path("StudentActor")).put("circuitBreakerScope", "type");
        ObjectNode state = (ObjectNode) spec.path("targets").path("components").path("statestore").path("outbound");
        state.put("circuitBreaker", "actorBreaker").put("timeout", "general").put("retry", "componentTransient");
        ((ObjectNode) spec.path("targets").path("apps").path("triage")).put("circuitBreaker", "actorBreaker");
        ((ObjectNode) spec.path("targets").path("components").path("kafka-pubsub").path("outbound"))
                .put("circuitBreaker", "actorBreaker");

        assertThat(DaprChecks.failureScopes(broken, LearnFlow.STATE_CLIENT_TIMEOUT)).containsExactlyInAnyOrder(
                "Resiliency/learnflow: actor StudentActor: circuitBreakerScope must be id (a failing actor must not "
                        + "pause the whole type), is 'type'",
                "Resiliency/learnflow: app triage has a circuit breaker: daprd counts the app's 4xx answers as "
                        + "failures, so one student's invalid requests would pause the endpoint for everyone",
                "Resiliency/learnflow: pub/sub kafka-pubsub has an outbound circuit breaker: while open it refuses "
                        + "publishes, so events would be lost instead of waiting in the producer",
                "Resiliency/learnflow: state store statestore has a circuit breaker: daprd counts ETag conflicts, so "
                        + "conflicts would pause every state call",
                "Resiliency/learnflow: state store statestore: worst case 69891 ms is not below the apps' 5000 ms");
    }

    private static ObjectNode container(Manifests manifests, String service) {
        return (ObjectNode) Manifests.podSpec(manifests.find("Deployment", service).orElseThrow())
                .path("containers").get(0);
    }
}
