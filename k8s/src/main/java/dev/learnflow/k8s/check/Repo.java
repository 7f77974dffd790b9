package dev.learnflow.k8s.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.k8s.render.Yaml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The facts the manifests must agree with, read from the repository itself (never a copy kept in the tests). */
public final class Repo {

    private final Path root;

    public Repo(Path root) {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.root.resolve("pom.xml")) || !Files.isDirectory(this.root.resolve("services"))) {
            throw new IllegalArgumentException(this.root + " is not the LearnFlow repository root");
        }
    }

    /** The root named by the system property {@code learnflow.repo.root} (set by k8s/pom.xml), else {@code ..}. */
    public static Repo fromEnvironment() {
        return new Repo(Path.of(System.getProperty("learnflow.repo.root", "..")));
    }

    public Path root() {
        return root;
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    public String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** services/*: every module with an application.properties, sorted by name. */
    public List<ServiceSpec> services() {
        List<ServiceSpec> services = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(path("services"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path properties = dir.resolve("src/main/resources/application.properties");
                if (!Files.isRegularFile(dir.resolve("pom.xml")) || !Files.isRegularFile(properties)) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new StringReader(Files.readString(properties)));
                String name = p.getProperty("quarkus.application.name");
                String port = p.getProperty("quarkus.http.port");
                if (name == null || port == null) {
                    throw new IllegalStateException(properties + " lacks quarkus.application.name or quarkus.http.port");
                }
                boolean database = Files.readString(dir.resolve("pom.xml"))
                        .contains("<artifactId>learnflow-db</artifactId>");
                services.add(new ServiceSpec(name.strip(), Integer.parseInt(port.strip()), database));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        services.sort(Comparator.comparing(ServiceSpec::name));
        return services;
    }

    /** The components the local sidecars load (dapr/components/*.yaml). */
    public List<ObjectNode> localComponents() {
        try (Stream<Path> files = Files.list(path("dapr/components"))) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .flatMap(f -> Yaml.readAll(f).stream())
                    .filter(d -> "Component".equals(d.path("kind").asText()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** dapr/resiliency.yaml: the Resiliency the local sidecars apply (./learnflow loads it). */
    public ObjectNode localResiliency() {
        return Yaml.readOne(path("dapr/resiliency.yaml"));
    }

    /** dapr/config.yaml: the Configuration the local sidecars use. */
    public ObjectNode localConfiguration() {
        return Yaml.readOne(path("dapr/config.yaml"));
    }

    /** Main Java source folders of the apps: services, platform and contracts. */
    public List<Path> applicationSources() {
        List<Path> roots = new ArrayList<>();
        for (String module : List.of("platform", "contracts")) {
            roots.add(path(module + "/src/main/java"));
        }
        try (Stream<Path> dirs = Files.list(path("services"))) {
            dirs.sorted().map(d -> d.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return roots.stream().filter(Files::isDirectory).toList();
    }
}
