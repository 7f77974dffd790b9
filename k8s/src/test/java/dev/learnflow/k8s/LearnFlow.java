package dev.learnflow.k8s;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.k8s.check.CodeComponentNames;
import dev.learnflow.k8s.check.DaprChecks;
import dev.learnflow.k8s.check.DaprChecks.Grant;
import dev.learnflow.k8s.check.OverlayChecks;
import dev.learnflow.k8s.check.Repo;
import dev.learnflow.k8s.check.SecretChecks;
import dev.learnflow.k8s.check.ServiceSpec;
import dev.learnflow.k8s.check.TiltChecks;
import dev.learnflow.k8s.check.WorkloadChecks;
import dev.learnflow.k8s.render.Kustomize;
import dev.learnflow.k8s.render.Manifests;
import dev.learnflow.k8s.render.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project's intent, in one place for all k8s tests: which facts come from the repository (services, ports,
 * databases, local Dapr files, topics, component names in the code) and which few are decisions documented in
 * k8s/README.md (the sandbox service, the LLM-backed agents, websocket as a singleton, the extra
 * notification → websocket call).
 */
final class LearnFlow {

    static final Repo REPO = Repo.fromEnvironment();
    static final List<ServiceSpec> SERVICES = REPO.services();

    static final String SANDBOX = "code-execution";
    static final Set<String> LLM_AGENTS = Set.of("triage", "concepts", "debug", "code-review");
    /** Holds its sockets in memory; one replica (k8s/README.md). */
    static final Set<String> SINGLETONS = Set.of("websocket");
    static final Set<String> PUBLIC_SERVICES = Set.of("gateway", "websocket");

    /** Service-to-service calls documented beyond dapr/config.yaml (the list; README of k8s/). */
    static final Set<Grant> EXTRA_GRANTS = Set.of(
            new Grant("notification", "/internal/notifications", new TreeSet<>(Set.of("POST"))));
    /** Which app serves each operation that other apps are granted. */
    static final Map<String, String> SERVED_BY = Map.of(
            "/internal/runs/**", "code-execution",
            "/internal/students/**", "progress",
            "/internal/notifications", "websocket");

    private static Manifests kind;
    private static Manifests production;

    private LearnFlow() {
    }

    static Path overlay(String name) {
        return REPO.path("k8s/overlays/" + name);
    }

    static Path fixture(String name) {
        return REPO.path("k8s/src/test/resources/fixtures/" + name);
    }

    static synchronized Manifests kind() {
        if (kind == null) {
            kind = Kustomize.render(overlay("kind"));
        }
        return kind.copy();
    }

    static synchronized Manifests production() {
        if (production == null) {
            production = Kustomize.render(overlay("production"));
        }
        return production.copy();
    }

    /** Every topic and its dead-letter topic, from the contracts. */
    static List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (EventTopic topic : EventTopic.values()) {
            topics.add(topic.topic());
            topics.add(topic.deadLetterTopic());
        }
        return topics;
    }

    /** Component names the code uses, plus the pub/sub name the contracts define. */
    static Set<String> componentNamesInCode() {
        Set<String> names = CodeComponentNames.names(REPO.applicationSources());
        names.add(EventTopic.PUBSUB_NAME);
        return names;
    }

    static String tiltfile() {
        return REPO.read("Tiltfile");
    }

    /** Service → the entrypoint the Tiltfile's restart wrapper runs for it. */
    static Map<String, List<String>> tiltEntrypoints(String tiltfile) {
        Map<String, List<String>> entrypoints = new LinkedHashMap<>();
        for (ServiceSpec service : SERVICES) {
            entrypoints.put(service.name(), TiltChecks.stringList(tiltfile,
                    SANDBOX.equals(service.name()) ? "CODE_EXECUTION_ENTRYPOINT" : "QUARKUS_ENTRYPOINT"));
        }
        return entrypoints;
    }

    /** The checks every overlay must pass. */
    static List<String> commonProblems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        problems.addAll(OverlayChecks.namespace(manifests));
        problems.addAll(WorkloadChecks.services(manifests, SERVICES));
        problems.addAll(WorkloadChecks.hardening(manifests, SANDBOX, REPO.path("k8s/seccomp")));
        problems.addAll(DaprChecks.components(manifests, REPO.localComponents(), componentNamesInCode()));
        problems.addAll(DaprChecks.accessControl(manifests, REPO.localConfiguration(), SERVICES, EXTRA_GRANTS,
                SERVED_BY));
        problems.addAll(DaprChecks.resiliency(manifests, SERVICES, union(LLM_AGENTS, Set.of(SANDBOX)),
                EventTopic.PUBSUB_NAME));
        problems.addAll(DaprChecks.topics(manifests, topics()));
        return problems;
    }

    static List<String> kindProblems(Manifests manifests, String devSecretsScript) {
        List<String> problems = new ArrayList<>(commonProblems(manifests));
        problems.addAll(OverlayChecks.kind(manifests, PUBLIC_SERVICES, Yaml.readOne(REPO.path("k8s/kind/cluster.yaml"))));
        problems.addAll(WorkloadChecks.images(manifests, SERVICES, "learnflow/", false));
        problems.addAll(SecretChecks.provided(SecretChecks.required(manifests),
                SecretChecks.createdByScript(devSecretsScript), "k8s/kind/dev-secrets.sh"));
        return problems;
    }

    static List<String> productionProblems(Manifests manifests) {
        List<String> problems = new ArrayList<>(commonProblems(manifests));
        problems.addAll(OverlayChecks.production(manifests, SERVICES, SINGLETONS));
        problems.addAll(WorkloadChecks.readOnlyRoot(manifests, SERVICES));
        problems.addAll(WorkloadChecks.images(manifests, SERVICES, "registry.example.com/learnflow/", true));
        return problems;
    }

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        Arrays.stream(sets).forEach(all::addAll);
        return all;
    }
}
