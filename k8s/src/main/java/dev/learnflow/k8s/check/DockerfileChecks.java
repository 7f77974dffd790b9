package dev.learnflow.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.k8s.render.Manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** services/<name>/src/main/docker/Dockerfile.jvm: Quarkus fast-jar layout, the right port, a non-root user. */
public final class DockerfileChecks {

    /** The four layers of target/quarkus-app that Quarkus' Dockerfile.jvm copies. */
    public static final List<String> FAST_JAR_LAYERS = List.of(
            "target/quarkus-app/lib/ /deployments/lib/",
            "target/quarkus-app/*.jar /deployments/",
            "target/quarkus-app/app/ /deployments/app/",
            "target/quarkus-app/quarkus/ /deployments/quarkus/");

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)\\s*$");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)\\s*$");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*\\])\\s*$");

    private DockerfileChecks() {
    }

    public static Path dockerfile(Repo repo, String service) {
        return repo.path("services/" + service + "/src/main/docker/Dockerfile.jvm");
    }

    /**
     * Each Dockerfile copies the four fast-jar layers, exposes the service's port, runs as the numeric uid the
     * manifests run the pod as, and has an exec-form ENTRYPOINT; the sandbox image installs python3 and
     * bubblewrap; {@code tiltEntrypoints} (service → the Tiltfile's restart entrypoint) match the ENTRYPOINTs.
     */
    public static List<String> check(Repo repo, List<ServiceSpec> services, Manifests manifests, String sandboxService,
                                     Map<String, List<String>> tiltEntrypoints) {
        Findings f = new Findings();
        for (ServiceSpec service : services) {
            Path file = dockerfile(repo, service.name());
            String where = repo.root().relativize(file).toString();
            if (!Files.isRegularFile(file)) {
                f.add(where, "missing");
                continue;
            }
            String text = read(file);
            for (String layer : FAST_JAR_LAYERS) {
                f.check(Pattern.compile("(?m)^COPY\\s+--chown=185\\s+" + Pattern.quote(layer) + "\\s*$")
                        .matcher(text).find(), where, "does not COPY --chown=185 " + layer);
            }
            f.check(match(EXPOSE, text).map(Integer::parseInt).orElse(-1) == service.port(), where,
                    "must EXPOSE " + service.port());
            Optional<String> user = match(USER, text);
            f.check(user.isPresent() && !"0".equals(user.get()), where, "must switch to a numeric non-root USER");
            manifests.find("Deployment", service.name()).ifPresent(d -> {
                JsonNode uid = Manifests.podSpec(d).path("securityContext").path("runAsUser");
                f.check(user.isPresent() && uid.isInt() && user.get().equals(uid.asText()), where, "USER "
                        + user.orElse("?") + " differs from the Deployment's runAsUser " + uid);
            });
            List<String> entrypoint = entrypoint(text);
            f.check(!entrypoint.isEmpty(), where, "needs an exec-form ENTRYPOINT");
            List<String> tilt = tiltEntrypoints.get(service.name());
            f.check(tilt != null && tilt.equals(entrypoint), where, "ENTRYPOINT " + entrypoint
                    + " differs from the Tiltfile's restart entrypoint " + tilt);
            if (service.name().equals(sandboxService)) {
                f.check(text.contains("python3") && text.contains("bubblewrap"), where,
                        "the sandbox image must install python3 and bubblewrap");
            }
        }
        return f.list();
    }

    public static List<String> entrypoint(String dockerfile) {
        Optional<String> json = match(ENTRYPOINT, dockerfile);
        List<String> parts = new ArrayList<>();
        if (json.isEmpty()) {
            return parts;
        }
        try {
            new ObjectMapper().readTree(json.get()).forEach(n -> parts.add(n.asText()));
        } catch (IOException e) {
            return List.of();
        }
        return parts;
    }

    private static Optional<String> match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
