package dev.learnflow.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.k8s.render.Kustomize.ImageRef;
import dev.learnflow.k8s.render.Manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Tiltfile against the services, the kind rendering and the Dockerfiles. */
public final class TiltChecks {

    private static final Pattern SERVICE_TUPLE = Pattern.compile(
            "\\(\\s*'([a-z0-9-]+)'\\s*,\\s*(\\d+)\\s*,\\s*'([^']+)'\\s*\\)");
    private static final Pattern OBJECT = Pattern.compile("'([a-z0-9.-]+|%s):([a-z]+)'");
    private static final Pattern RESOURCE = Pattern.compile("\\bk8s_resource\\(\\s*'([a-z0-9-]+)'");
    private static final Pattern STRING = Pattern.compile("'([^']*)'");
    /** tilt-extensions' restart_process default. */
    static final String DEFAULT_RESTART_FILE = "/tmp/.restart-proc";

    private TiltChecks() {
    }

    /** One row of the Tiltfile's SERVICES list. */
    public record TiltService(String name, int port, String image) {
    }

    public static List<TiltService> services(String tiltfile) {
        List<TiltService> services = new ArrayList<>();
        Matcher m = SERVICE_TUPLE.matcher(tiltfile);
        while (m.find()) {
            services.add(new TiltService(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
        }
        return services;
    }

    /** The string list assigned to {@code NAME = [...]}. */
    public static List<String> stringList(String tiltfile, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s*=\\s*\\[([^\\]]*)\\]").matcher(tiltfile);
        List<String> values = new ArrayList<>();
        if (m.find()) {
            Matcher s = STRING.matcher(m.group(1));
            while (s.find()) {
                values.add(s.group(1));
            }
        }
        return values;
    }

    /**
     * The Tiltfile builds one image per service with the image name the kind rendering uses for that service's
     * container, lists the services with their ports, names only rendered workloads and objects, and applies the
     * kind overlay on the kind cluster with Dapr from its Helm chart.
     */
    public static List<String> check(String tiltfile, List<ServiceSpec> services, Manifests kind) {
        Findings f = new Findings();
        Map<String, TiltService> tilt = new TreeMap<>();
        services(tiltfile).forEach(s -> tilt.put(s.name(), s));
        Map<String, ServiceSpec> expected = new TreeMap<>();
        services.forEach(s -> expected.put(s.name(), s));
        f.check(tilt.keySet().equals(expected.keySet()), "Tiltfile", "SERVICES " + tilt.keySet()
                + " differ from the services " + expected.keySet());
        for (TiltService service : tilt.values()) {
            ServiceSpec spec = expected.get(service.name());
            if (spec == null) {
                continue;
            }
            f.check(spec.port() == service.port(), "Tiltfile", service.name() + " port " + service.port()
                    + " is not the service's port " + spec.port());
            String rendered = kind.find("Deployment", service.name())
                    .map(d -> imageOf(d, service.name())).orElse(null);
            f.check(rendered != null && ImageRef.parse(rendered).name().equals(service.image()), "Tiltfile",
                    service.name() + " builds image " + service.image() + " but the kind manifests run "
                            + rendered);
        }
        f.check(Pattern.compile("for\\s+name\\s*,\\s*port\\s*,\\s*image\\s+in\\s+SERVICES").matcher(tiltfile).find()
                        && Pattern.compile("docker_build(_with_restart)?\\(\\s*image\\s*,").matcher(tiltfile).find(),
                "Tiltfile", "must build each SERVICES image (docker_build(image, ...) in a loop over SERVICES)");
        f.check(tiltfile.contains("kustomize('k8s/overlays/kind')"), "Tiltfile", "must apply k8s/overlays/kind");
        f.check(tiltfile.contains("k8s/kind/cluster.yaml"), "Tiltfile", "must create the cluster from "
                + "k8s/kind/cluster.yaml");
        f.check(tiltfile.contains("dapr/dapr"), "Tiltfile", "must install Dapr from the dapr/dapr Helm chart");
        f.check(tiltfile.contains("live_update"), "Tiltfile", "must live-update the services");

        if (tiltfile.contains("docker_build_with_restart(")) {
            String restartFile = restartFile(tiltfile);
            for (ServiceSpec service : services) {
                kind.find("Deployment", service.name()).ifPresent(d -> {
                    for (JsonNode c : Manifests.podSpec(d).path("containers")) {
                        for (JsonNode mount : c.path("volumeMounts")) {
                            String path = mount.path("mountPath").asText();
                            f.check(!restartFile.startsWith(path.endsWith("/") ? path : path + "/"), "Tiltfile",
                                    "the restart file " + restartFile + " lies under " + path + ", which "
                                            + "Deployment/" + service.name() + " mounts over the image: the restart "
                                            + "wrapper cannot find it");
                        }
                    }
                });
            }
        }
        Matcher objects = OBJECT.matcher(tiltfile);
        while (objects.find()) {
            List<String> names = "%s".equals(objects.group(1)) ? new ArrayList<>(expected.keySet())
                    : List.of(objects.group(1));
            for (String name : names) {
                String kindName = objects.group(2);
                boolean exists = kind.all().stream().anyMatch(r -> name.equals(Manifests.name(r))
                        && kindName.equals(r.path("kind").asText().toLowerCase(Locale.ROOT)));
                f.check(exists, "Tiltfile", "object '" + name + ":" + kindName + "' is not in the kind rendering");
            }
        }
        Matcher resources = RESOURCE.matcher(tiltfile);
        while (resources.find()) {
            String name = resources.group(1);
            f.check(kind.workloads().stream().anyMatch(w -> name.equals(Manifests.name(w))), "Tiltfile",
                    "k8s_resource '" + name + "' is not a workload of the kind rendering");
        }
        return f.list();
    }

    /** The file the restart_process extension watches: restart_file=..., else the extension's default. */
    public static String restartFile(String tiltfile) {
        Matcher argument = Pattern.compile("restart_file\\s*=\\s*(?:'([^']+)'|([A-Z_]+))").matcher(tiltfile);
        if (!argument.find()) {
            return DEFAULT_RESTART_FILE;
        }
        if (argument.group(1) != null) {
            return argument.group(1);
        }
        Matcher constant = Pattern.compile("(?m)^" + argument.group(2) + "\\s*=\\s*'([^']+)'").matcher(tiltfile);
        return constant.find() ? constant.group(1) : DEFAULT_RESTART_FILE;
    }

    private static String imageOf(JsonNode deployment, String container) {
        for (JsonNode c : Manifests.podSpec(deployment).path("containers")) {
            if (container.equals(c.path("name").asText())) {
                return c.path("image").asText();
            }
        }
        return null;
    }
}
