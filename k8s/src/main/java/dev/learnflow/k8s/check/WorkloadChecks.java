package dev.learnflow.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.k8s.render.Kustomize.ImageRef;
import dev.learnflow.k8s.render.Manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every service's Deployment and Service, and the hardening of every workload in a rendering. */
public final class WorkloadChecks {

    public static final String DB_PREFIX = "LEARNFLOW_DB_";
    public static final List<String> DB_VARIABLES = List.of("HOST", "PORT", "NAME", "USER", "PASSWORD");

    private WorkloadChecks() {
    }

    /**
     * Per service: a Deployment with the Dapr annotations (enabled, app-id = name, app-port = the module's port,
     * app-protocol http, an existing Configuration, the app token secret), the container port, liveness and
     * readiness probes on /q/health/live and /q/health/ready, the database environment exactly when the module
     * depends on learnflow-db, mounted key files, and a Service on the same port selecting the pods.
     */
    public static List<String> services(Manifests manifests, List<ServiceSpec> services) {
        Findings f = new Findings();
        Set<String> configurations = names(manifests.ofKind("Configuration"));
        for (ServiceSpec service : services) {
            String where = "Deployment/" + service.name();
            Optional<com.fasterxml.jackson.databind.node.ObjectNode> found = manifests.find("Deployment", service.name());
            if (found.isEmpty()) {
                f.add(where, "missing");
                continue;
            }
            JsonNode deployment = found.get();
            JsonNode template = Manifests.podTemplate(deployment);
            JsonNode labels = template.path("metadata").path("labels");
            f.check(service.name().equals(labels.path("app.kubernetes.io/name").asText()), where,
                    "pod label app.kubernetes.io/name must be " + service.name());
            f.check(selects(deployment.path("spec").path("selector").path("matchLabels"), labels), where,
                    "spec.selector.matchLabels does not select the pod template's labels");

            JsonNode annotations = template.path("metadata").path("annotations");
            requireAnnotation(f, where, annotations, "dapr.io/enabled", "true");
            requireAnnotation(f, where, annotations, "dapr.io/app-id", service.name());
            requireAnnotation(f, where, annotations, "dapr.io/app-port", Integer.toString(service.port()));
            requireAnnotation(f, where, annotations, "dapr.io/app-protocol", "http");
            String config = annotations.path("dapr.io/config").asText("");
            f.check(configurations.contains(config), where, "annotation dapr.io/config names no rendered "
                    + "Configuration: '" + config + "'");
            f.check(!annotations.path("dapr.io/app-token-secret").asText("").isBlank(), where,
                    "annotation dapr.io/app-token-secret is missing (the app would accept calls that did not come "
                            + "through its sidecar)");

            JsonNode container = null;
            for (JsonNode c : template.path("spec").path("containers")) {
                if (service.name().equals(c.path("name").asText())) {
                    container = c;
                }
            }
            if (container == null) {
                f.add(where, "no container named " + service.name());
                continue;
            }
            String cwhere = where + " container " + service.name();
            f.check(hasContainerPort(container, service.port()), cwhere, "does not declare containerPort "
                    + service.port());
            checkProbe(f, cwhere, container, "livenessProbe", "/q/health/live", service.port());
            checkProbe(f, cwhere, container, "readinessProbe", "/q/health/ready", service.port());
            checkDatabaseEnvironment(f, cwhere, container, service.database());
            checkMountedFiles(f, cwhere, container, template.path("spec"));

            Optional<com.fasterxml.jackson.databind.node.ObjectNode> svc = manifests.find("Service", service.name());
            if (svc.isEmpty()) {
                f.add("Service/" + service.name(), "missing");
                continue;
            }
            JsonNode spec = svc.get().path("spec");
            f.check(spec.path("selector").size() > 0 && selects(spec.path("selector"), labels),
                    "Service/" + service.name(), "selector does not select the Deployment's pods");
            boolean portOk = false;
            for (JsonNode port : spec.path("ports")) {
                if (port.path("port").asInt() == service.port()
                        && resolvePort(port.path("targetPort"), container) == service.port()) {
                    portOk = true;
                }
            }
            f.check(portOk, "Service/" + service.name(), "no port " + service.port() + " targeting the container's "
                    + "port " + service.port());
        }
        return f.list();
    }

    /**
     * Every container of every workload: requests and limits for cpu and memory; non-root (runAsNonRoot and a
     * non-zero uid), no privilege escalation, all capabilities dropped, nothing privileged or from the host;
     * seccomp RuntimeDefault, no AppArmor/procMount/user-namespace relaxation, and annotation values as strings.
     * The one exception is {@code sandboxService}'s container, which must carry exactly the relaxations bubblewrap
     * needs (hostUsers false, procMount Unmasked, a Localhost seccomp profile present under
     * {@code seccompProfiles}, AppArmor Unconfined).
     */
    public static List<String> hardening(Manifests manifests, String sandboxService, Path seccompProfiles) {
        Findings f = new Findings();
        for (JsonNode workload : manifests.workloads()) {
            String where = Manifests.ref(workload);
            JsonNode template = Manifests.podTemplate(workload);
            JsonNode pod = template.path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            boolean sandbox = "Deployment".equals(workload.path("kind").asText())
                    && sandboxService.equals(Manifests.name(workload));

            template.path("metadata").path("annotations").properties().forEach(e ->
                    f.check(e.getValue().isTextual(), where, "annotation " + e.getKey() + " must be a string"));
            for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
                f.check(!pod.path(hostField).asBoolean(false), where, hostField + " must not be set");
            }
            for (JsonNode volume : pod.path("volumes")) {
                f.check(!volume.has("hostPath"), where, "hostPath volume " + volume.path("name").asText());
            }
            if (sandbox) {
                f.check(pod.has("hostUsers") && !pod.path("hostUsers").asBoolean(true), where,
                        "must set hostUsers: false (procMount Unmasked is only allowed in a user namespace)");
            } else {
                f.check(!pod.has("hostUsers"), where, "hostUsers is set: only " + sandboxService + " needs that");
            }
            if ("true".equals(template.path("metadata").path("annotations").path("dapr.io/enabled").asText())) {
                f.check("RuntimeDefault".equals(template.path("metadata").path("annotations")
                                .path("dapr.io/sidecar-seccomp-profile-type").asText()), where,
                        "annotation dapr.io/sidecar-seccomp-profile-type must be RuntimeDefault (the daprd sidecar)");
            }

            for (JsonNode container : Manifests.containers(workload)) {
                String cwhere = where + " container " + container.path("name").asText();
                boolean sandboxContainer = sandbox && sandboxService.equals(container.path("name").asText());
                JsonNode security = container.path("securityContext");
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        f.check(!container.path("resources").path(kind).path(resource).asText("").isBlank(), cwhere,
                                "resources." + kind + "." + resource + " is missing");
                    }
                }
                boolean nonRoot = security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot")
                        .asBoolean(false));
                f.check(nonRoot, cwhere, "runAsNonRoot must be true");
                JsonNode uid = security.has("runAsUser") ? security.get("runAsUser") : podSecurity.get("runAsUser");
                f.check(uid != null && uid.isInt() && uid.asInt() > 0, cwhere, "runAsUser must be a non-zero uid");
                f.check(security.has("allowPrivilegeEscalation")
                        && !security.path("allowPrivilegeEscalation").asBoolean(true), cwhere,
                        "allowPrivilegeEscalation must be false");
                f.check(!security.path("privileged").asBoolean(false), cwhere, "must not be privileged");
                f.check(contains(security.path("capabilities").path("drop"), "ALL"), cwhere,
                        "capabilities.drop must contain ALL");
                f.check(security.path("capabilities").path("add").isEmpty(), cwhere,
                        "capabilities.add must be empty");

                JsonNode seccomp = security.has("seccompProfile") ? security.get("seccompProfile")
                        : podSecurity.path("seccompProfile");
                String procMount = security.path("procMount").asText("Default");
                String appArmor = security.has("appArmorProfile")
                        ? security.path("appArmorProfile").path("type").asText()
                        : podSecurity.path("appArmorProfile").path("type").asText("RuntimeDefault");
                if (sandboxContainer) {
                    f.check("Unmasked".equals(procMount), cwhere, "procMount must be Unmasked (bubblewrap mounts a "
                            + "fresh /proc in its pid namespace)");
                    f.check("Localhost".equals(seccomp.path("type").asText()), cwhere,
                            "seccompProfile must be the Localhost sandbox profile");
                    String profile = seccomp.path("localhostProfile").asText("");
                    f.check(profile.startsWith("profiles/") && Files.isRegularFile(
                                    seccompProfiles.resolve(profile.substring("profiles/".length()))), cwhere,
                            "seccomp profile '" + profile + "' is not in " + seccompProfiles);
                    f.check("Unconfined".equals(appArmor), cwhere, "appArmorProfile must be Unconfined (the "
                            + "default profile denies mount)");
                } else {
                    f.check("RuntimeDefault".equals(seccomp.path("type").asText()), cwhere,
                            "seccompProfile must be RuntimeDefault");
                    f.check("Default".equals(procMount), cwhere, "procMount must stay Default");
                    f.check("RuntimeDefault".equals(appArmor) || "Localhost".equals(appArmor), cwhere,
                            "appArmorProfile must not be relaxed");
                }
            }
        }
        return f.list();
    }

    /** All the service containers keep a read-only root file system (production; kind relaxes it for Tilt). */
    public static List<String> readOnlyRoot(Manifests manifests, List<ServiceSpec> services) {
        Findings f = new Findings();
        for (ServiceSpec service : services) {
            manifests.find("Deployment", service.name()).ifPresent(d -> {
                for (JsonNode c : Manifests.containers(d)) {
                    f.check(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false),
                            "Deployment/" + service.name() + " container " + c.path("name").asText(),
                            "readOnlyRootFilesystem must be true");
                }
            });
        }
        return f.list();
    }

    /** The image (without tag) of each service's container. */
    public static List<String> images(Manifests manifests, List<ServiceSpec> services, String prefix, boolean tagged) {
        Findings f = new Findings();
        for (ServiceSpec service : services) {
            manifests.find("Deployment", service.name()).ifPresent(d -> {
                for (JsonNode c : Manifests.podSpec(d).path("containers")) {
                    if (!service.name().equals(c.path("name").asText())) {
                        continue;
                    }
                    ImageRef ref = ImageRef.parse(c.path("image").asText());
                    f.check(ref.name().equals(prefix + service.name()), "Deployment/" + service.name(),
                            "image " + c.path("image").asText() + " is not " + prefix + service.name());
                    f.check(!tagged || (ref.tag() != null && !"latest".equals(ref.tag())) || ref.digest() != null,
                            "Deployment/" + service.name(), "image " + c.path("image").asText()
                                    + " needs a fixed tag or digest");
                }
            });
        }
        return f.list();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private static void requireAnnotation(Findings f, String where, JsonNode annotations, String key, String value) {
        JsonNode actual = annotations.get(key);
        if (actual == null) {
            f.add(where, "annotation " + key + " is missing");
        } else if (!actual.isTextual() || !value.equals(actual.asText())) {
            f.add(where, "annotation " + key + " is " + actual + ", expected \"" + value + "\"");
        }
    }

    private static void checkProbe(Findings f, String where, JsonNode container, String probe, String path, int port) {
        JsonNode http = container.path(probe).path("httpGet");
        if (http.isMissingNode()) {
            f.add(where, probe + " (httpGet " + path + ") is missing");
            return;
        }
        f.check(path.equals(http.path("path").asText()), where, probe + " must GET " + path + ", not "
                + http.path("path").asText());
        f.check(resolvePort(http.path("port"), container) == port, where, probe + " must use port " + port);
    }

    private static void checkDatabaseEnvironment(Findings f, String where, JsonNode container, boolean database) {
        Map<String, JsonNode> env = env(container);
        for (String variable : DB_VARIABLES) {
            String name = DB_PREFIX + variable;
            if (database) {
                JsonNode entry = env.get(name);
                f.check(entry != null && (entry.has("value") || entry.has("valueFrom")), where, name + " is not set");
                if (entry != null && ("PASSWORD".equals(variable) || "USER".equals(variable))) {
                    f.check(entry.path("valueFrom").has("secretKeyRef"), where, name + " must come from a Secret");
                }
            } else {
                f.check(!env.containsKey(name), where, name + " is set but the service has no database");
            }
        }
    }

    /** Every *_LOCATION variable that names a file must point into a read-only Secret mount holding that file. */
    private static void checkMountedFiles(Findings f, String where, JsonNode container, JsonNode podSpec) {
        env(container).forEach((name, entry) -> {
            if (!name.endsWith("_LOCATION") || !entry.has("value")) {
                return;
            }
            String file = entry.path("value").asText();
            JsonNode mount = null;
            for (JsonNode m : container.path("volumeMounts")) {
                if (file.startsWith(m.path("mountPath").asText() + "/")) {
                    mount = m;
                }
            }
            if (mount == null) {
                f.add(where, name + "=" + file + " is not inside any volume mount");
                return;
            }
            f.check(mount.path("readOnly").asBoolean(false), where, "mount of " + file + " must be read-only");
            String relative = file.substring(mount.path("mountPath").asText().length() + 1);
            JsonNode volume = null;
            for (JsonNode v : podSpec.path("volumes")) {
                if (v.path("name").asText().equals(mount.path("name").asText())) {
                    volume = v;
                }
            }
            if (volume == null || !volume.has("secret")) {
                f.add(where, name + " must be mounted from a Secret volume");
                return;
            }
            JsonNode items = volume.path("secret").path("items");
            if (items.isArray() && !items.isEmpty()) {
                boolean listed = false;
                for (JsonNode item : items) {
                    listed |= relative.equals(item.path("path").asText());
                }
                f.check(listed, where, name + "=" + file + " is not among the Secret volume's items");
            }
        });
    }

    static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e);
        }
        return env;
    }

    private static boolean hasContainerPort(JsonNode container, int port) {
        for (JsonNode p : container.path("ports")) {
            if (p.path("containerPort").asInt() == port) {
                return true;
            }
        }
        return false;
    }

    /** A numeric port, or a named one looked up in the container's ports; -1 when it does not resolve. */
    static int resolvePort(JsonNode port, JsonNode container) {
        if (port.isInt()) {
            return port.asInt();
        }
        if (port.isTextual()) {
            for (JsonNode p : container.path("ports")) {
                if (port.asText().equals(p.path("name").asText())) {
                    return p.path("containerPort").asInt(-1);
                }
            }
            try {
                return Integer.parseInt(port.asText());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || !selector.isObject()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = selector.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (value.equals(v.asText())) {
                return true;
            }
        }
        return false;
    }

    static Set<String> names(List<? extends JsonNode> resources) {
        Set<String> names = new java.util.TreeSet<>();
        resources.forEach(r -> names.add(Manifests.name(r)));
        return names;
    }

    static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
