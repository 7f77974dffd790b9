package dev.learnflow.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.k8s.render.Manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Dapr tokens in the app containers, the components' scopes and the public entry points. */
public final class SecurityChecks {

    public static final String APP_TOKEN_ANNOTATION = "dapr.io/app-token-secret";
    public static final String API_TOKEN_ANNOTATION = "dapr.io/api-token-secret";

    private SecurityChecks() {
    }

    /**
     * daprd's injector hands the token Secrets to the daprd container only, so each app container must read the
     * same Secrets itself: APP_API_TOKEN from the app-token Secret, DAPR_API_TOKEN from the api-token Secret.
     * Apps hosting actors get no api token at all (the Java SDK's actor channel cannot send one), every other app
     * must have one.
     */
    public static List<String> daprTokens(Manifests manifests, List<ServiceSpec> services, Set<String> actorHosts) {
        Findings f = new Findings();
        for (ServiceSpec service : services) {
            JsonNode deployment = manifests.find("Deployment", service.name()).orElse(null);
            if (deployment == null) {
                continue;
            }
            String where = "Deployment/" + service.name();
            JsonNode annotations = Manifests.podTemplate(deployment).path("metadata").path("annotations");
            String appSecret = annotations.path(APP_TOKEN_ANNOTATION).asText("");
            String apiSecret = annotations.path(API_TOKEN_ANNOTATION).asText("");
            boolean actorHost = actorHosts.contains(service.name());
            if (actorHost) {
                f.check(apiSecret.isEmpty(), where, "hosts actors, so its daprd must not demand an api token ("
                        + API_TOKEN_ANNOTATION + "): the SDK's actor channel sends none");
            } else {
                f.check(!apiSecret.isEmpty(), where, "annotation " + API_TOKEN_ANNOTATION + " is missing (its "
                        + "daprd would serve anyone who reaches it)");
            }
            JsonNode container = appContainer(deployment, service.name());
            if (container == null) {
                continue;
            }
            Map<String, JsonNode> env = WorkloadChecks.env(container);
            String cwhere = where + " container " + service.name();
            checkTokenVariable(f, cwhere, env.get("APP_API_TOKEN"), "APP_API_TOKEN", appSecret);
            if (apiSecret.isEmpty()) {
                f.check(!env.containsKey("DAPR_API_TOKEN"), cwhere, "DAPR_API_TOKEN is set but its daprd asks "
                        + "for no api token");
            } else {
                checkTokenVariable(f, cwhere, env.get("DAPR_API_TOKEN"), "DAPR_API_TOKEN", apiSecret);
            }
        }
        return f.list();
    }

    /**
     * Every Component names the app ids that may load it ({@code scopes}), exactly {@code expected}; services
     * left out of a scope do not use the component in their code.
     */
    public static List<String> scopes(Manifests manifests, Map<String, Set<String>> expected,
                                      Map<String, Pattern> usage, Map<String, Path> serviceSources) {
        Findings f = new Findings();
        for (JsonNode component : manifests.ofKind("Component")) {
            String name = Manifests.name(component);
            String where = "Component/" + name;
            Set<String> scopes = new TreeSet<>(WorkloadChecks.list(component.path("scopes")));
            f.check(!scopes.isEmpty(), where, "has no scopes: every sidecar would load it and its secrets");
            Set<String> want = expected.get(name);
            if (want == null) {
                f.add(where, "no scope decided for it");
                continue;
            }
            f.check(scopes.equals(new TreeSet<>(want)), where, "scopes " + scopes + " differ from "
                    + new TreeSet<>(want));
            Pattern uses = usage.get(name);
            if (uses == null || scopes.isEmpty()) {
                continue;
            }
            serviceSources.forEach((service, sources) -> {
                if (!scopes.contains(service)) {
                    f.check(!mentions(sources, uses), where, service + " is out of scope but its code uses "
                            + name + " (" + uses.pattern() + ")");
                }
            });
        }
        return f.list();
    }

    /**
     * Production: an Ingress with TLS (a Secret) for each public service, backed by that service's port; the
     * websocket Ingress routes the socket path only, so its sidecar-only routes stay inside.
     */
    public static List<String> ingress(Manifests manifests, List<ServiceSpec> services, Set<String> publicServices,
                                       Map<String, Set<String>> onlyPaths) {
        Findings f = new Findings();
        for (ServiceSpec service : services) {
            if (!publicServices.contains(service.name())) {
                continue;
            }
            List<JsonNode> routes = manifests.ofKind("Ingress").stream().flatMap(i -> {
                List<JsonNode> paths = new java.util.ArrayList<>();
                for (JsonNode rule : i.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        if (service.name().equals(path.path("backend").path("service").path("name").asText())) {
                            paths.add(path);
                        }
                    }
                }
                return paths.stream();
            }).toList();
            String where = "Service/" + service.name();
            f.check(!routes.isEmpty(), where, "is public but no Ingress routes to it");
            for (JsonNode route : routes) {
                f.check(route.path("backend").path("service").path("port").path("number").asInt()
                        == service.port(), where, "Ingress backend port is not " + service.port());
            }
            Set<String> allowed = onlyPaths.get(service.name());
            if (allowed != null) {
                for (JsonNode route : routes) {
                    String path = route.path("path").asText();
                    f.check(allowed.contains(path) && "Exact".equals(route.path("pathType").asText()), where,
                            "Ingress exposes " + route.path("pathType").asText() + " " + path + ", only "
                                    + allowed + " (Exact) may be public");
                }
            }
        }
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            String where = Manifests.ref(ingress);
            Set<String> tlsHosts = new TreeSet<>();
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                f.check(!tls.path("secretName").asText("").isBlank(), where, "tls entry without a secretName");
                tls.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            }
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                f.check(tlsHosts.contains(rule.path("host").asText()), where, "host '" + rule.path("host").asText()
                        + "' is served without TLS");
            }
        }
        return f.list();
    }

    private static void checkTokenVariable(Findings f, String where, JsonNode entry, String variable, String secret) {
        if (entry == null) {
            f.add(where, variable + " is not set (the injector gives the token to daprd only)");
            return;
        }
        JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
        f.check(secret.equals(ref.path("name").asText()) && "token".equals(ref.path("key").asText()), where,
                variable + " must come from Secret " + secret + " key token, as daprd's");
        f.check(!ref.path("optional").asBoolean(false), where, variable + " must not be optional");
    }

    private static JsonNode appContainer(JsonNode deployment, String name) {
        for (JsonNode c : Manifests.podSpec(deployment).path("containers")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        return null;
    }

    private static boolean mentions(Path sources, Pattern pattern) {
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (pattern.matcher(Files.readString(file)).find()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
