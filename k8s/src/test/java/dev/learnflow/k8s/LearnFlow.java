package dev.learnflow.k8s;

import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.k8s.check.CodeComponentNames;
import dev.learnflow.k8s.check.DaprChecks;
import dev.learnflow.k8s.check.DaprChecks.Grant;
import dev.learnflow.k8s.check.NetworkChecks;
import dev.learnflow.k8s.check.SecurityChecks;
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
    /** Apps hosting actors: no api token on their daprd (the Java SDK's actor channel cannot send one). */
    static final Set<String> ACTOR_HOSTS = Set.of("progress");
    /** What each public app may expose through its Ingress, when not everything (websocket: the socket only). */
    static final Map<String, Set<String>> PUBLIC_PATHS = Map.of("websocket", Set.of("/ws"));
    /** How long the apps wait for a state call (their state clients' timeouts); daprd must give up before. */
    static final java.time.Duration STATE_CLIENT_TIMEOUT = java.time.Duration.ofSeconds(5);

    /** Which apps load which component (k8s/README.md): those that use it. */
    static final Map<String, Set<String>> COMPONENT_SCOPES = Map.of(
            EventTopic.PUBSUB_NAME, Set.of("triage", "concepts", "code-review", "debug", "exercise", "progress",
                    "code-execution", "websocket", "notification"),
            "statestore", Set.of("gateway", "triage", "concepts", "code-review", "debug", "exercise", "progress",
                    "notification"));
    /** How code using each component looks, to prove an app left out of its scope does not use it. */
    static final Map<String, java.util.regex.Pattern> COMPONENT_USAGE = Map.of(
            EventTopic.PUBSUB_NAME, java.util.regex.Pattern.compile(
                    "\\bEventBus\\b|\\bEventHandler\\b|publishEvent\\(|\\bEventTopic\\."),
            "statestore", java.util.regex.Pattern.compile(
                    "\"statestore\"|\\b(?:get|save|delete)(?:Bulk)?State\\(|executeStateTransaction\\(|ActorProxy"));
    /** kind's public entry is the NodePorts (any client); production's the ingress controller. */
    static final NetworkChecks.Source KIND_PUBLIC = NetworkChecks.Source.external("203.0.113.7");
    static final NetworkChecks.Source PRODUCTION_PUBLIC = NetworkChecks.Source.pod("the ingress controller",
            "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));

    /** Service-to-service calls documented beyond dapr/config.yaml (the issue's list; README of k8s/). */
    static final Set<Grant> EXTRA_GRANTS = Set.of(
            new Grant("notification", "/internal/notifications", new TreeSet<>(Set.of("POST"))));
    /** Which app serves each operation that other apps are granted. */
    static final Map<String, String> SERVED_BY = Map.of(
            "/internal/runs/**", "code-execution",
            "/internal/students/**", "progress",
            "/internal/diagnoses", "debug",
            "/internal/users/**", "gateway",
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
                EventTopic.PUBSUB_NAME, REPO.localResiliency()));
        problems.addAll(DaprChecks.topics(manifests, topics()));
        problems.addAll(DaprChecks.failureScopes(manifests, STATE_CLIENT_TIMEOUT));
        problems.addAll(SecurityChecks.daprTokens(manifests, SERVICES, ACTOR_HOSTS));
        problems.addAll(SecurityChecks.scopes(manifests, COMPONENT_SCOPES, COMPONENT_USAGE, serviceSources()));
        return problems;
    }

    /** Each service's src/main/java. */
    static Map<String, Path> serviceSources() {
        Map<String, Path> sources = new LinkedHashMap<>();
        SERVICES.forEach(s -> sources.put(s.name(), REPO.path("services/" + s.name() + "/src/main/java")));
        return sources;
    }

    /** Apps with a database or in the statestore's scope: the pods that must reach PostgreSQL. */
    static Set<String> postgresClients() {
        Set<String> clients = new TreeSet<>();
        SERVICES.stream().filter(ServiceSpec::database).forEach(s -> clients.add("Deployment/" + s.name()));
        COMPONENT_SCOPES.get("statestore").forEach(s -> clients.add("Deployment/" + s));
        return clients;
    }

    static Set<String> kafkaClients() {
        Set<String> clients = new TreeSet<>(Set.of("Job/kafka-topics"));
        COMPONENT_SCOPES.get(EventTopic.PUBSUB_NAME).forEach(s -> clients.add("Deployment/" + s));
        return clients;
    }

    static Set<String> servicesOutside(Set<String> clients) {
        Set<String> outside = new TreeSet<>();
        SERVICES.forEach(s -> {
            if (!clients.contains("Deployment/" + s.name())) {
                outside.add(s.name());
            }
        });
        return outside;
    }

    static List<String> kindProblems(Manifests manifests, String devSecretsScript) {
        List<String> problems = new ArrayList<>(commonProblems(manifests));
        problems.addAll(OverlayChecks.kind(manifests, PUBLIC_SERVICES, Yaml.readOne(REPO.path("k8s/kind/cluster.yaml"))));
        problems.addAll(NetworkChecks.check(manifests, SERVICES, PUBLIC_SERVICES, KIND_PUBLIC));
        problems.addAll(NetworkChecks.dependency(manifests, "kafka", 9092, kafkaClients(),
                servicesOutside(kafkaClients())));
        problems.addAll(NetworkChecks.dependency(manifests, "postgres", 5432, postgresClients(),
                servicesOutside(postgresClients())));
        problems.addAll(WorkloadChecks.images(manifests, SERVICES, "learnflow/", false));
        problems.addAll(SecretChecks.provided(SecretChecks.required(manifests),
                SecretChecks.createdByScript(devSecretsScript), "k8s/kind/dev-secrets.sh"));
        return problems;
    }

    static List<String> productionProblems(Manifests manifests) {
        List<String> problems = new ArrayList<>(commonProblems(manifests));
        problems.addAll(OverlayChecks.production(manifests, SERVICES, SINGLETONS));
        problems.addAll(NetworkChecks.check(manifests, SERVICES, PUBLIC_SERVICES, PRODUCTION_PUBLIC));
        problems.addAll(SecurityChecks.ingress(manifests, SERVICES, PUBLIC_SERVICES, PUBLIC_PATHS));
        problems.addAll(DaprChecks.tracingExport(manifests));
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
