package dev.learnflow.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks {@code ./learnflow up} runs before building, against a tool directory of small stand-in programs
 * (LEARNFLOW_TOOLS_PATH), so a missing or too-old tool can be simulated on a machine that has them all.
 */
class PrerequisitesTest {

    @TempDir
    Path tools;

    @BeforeEach
    void aMachineWithEverything() throws IOException {
        stub("java", "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2");
        stub("mvn", "echo 'Apache Maven 3.8.7'");
        stub("node", "echo v20.20.2");
        stub("python3", "echo 'Python 3.11.2'");
        stub("bwrap", "exit 0");
    }

    @Test
    void aCompleteMachinePasses() {
        assertThat(prerequisites(port -> true).check(List.of("up", "--needs-build"))).isEmpty();
    }

    @Test
    void missingBubblewrapIsOneLineWithTheInstallCommand() throws IOException {
        Files.delete(tools.resolve("bwrap"));
        List<String> problems = prerequisites(port -> true).check(List.of("up"));
        assertThat(problems).containsExactly(
                "bubblewrap is missing (code-execution's sandbox): sudo apt-get install bubblewrap");
    }

    @Test
    void bubblewrapWithoutUserNamespacesSaysHowToAllowThem() throws IOException {
        stub("bwrap", "echo 'bwrap: No permissions to create new namespace' >&2; exit 1");
        List<String> problems = prerequisites(port -> true).check(List.of("up"));
        assertThat(problems).singleElement().asString()
                .contains("No permissions to create new namespace")
                .contains("sudo sysctl -w kernel.unprivileged_userns_clone=1");
    }

    @Test
    void tooOldJavaAndNodeAreNamedWithTheirVersions() throws IOException {
        stub("java", "echo 'openjdk version \"11.0.22\" 2024-01-16' >&2");
        stub("node", "echo v18.19.0");
        List<String> problems = prerequisites(port -> true).check(List.of("up", "--needs-build"));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("Java 11 found").contains("needs 17+")
                .contains("sudo apt-get install openjdk-17-jdk-headless");
        assertThat(problems.get(1)).startsWith("Node.js 18 found").contains("needs 20+");
    }

    @Test
    void mavenAndNodeAreOnlyNeededWhenSomethingIsBuilt() throws IOException {
        Files.delete(tools.resolve("mvn"));
        Files.delete(tools.resolve("node"));
        assertThat(prerequisites(port -> true).check(List.of("up"))).isEmpty();
        assertThat(prerequisites(port -> true).check(List.of("up", "--needs-build")))
                .containsExactly("Maven is missing (it builds LearnFlow): sudo apt-get install maven",
                        "Node.js is missing (it builds the web client); install Node.js 20+ (Debian's nodejs is too "
                                + "old): curl -fsSL https://deb.nodesource.com/setup_20.x | sudo bash - && sudo "
                                + "apt-get install nodejs");
    }

    @Test
    void versionsAreReadFromOldAndNewFormats() {
        assertThat(Prerequisites.javaMajor("java version \"1.8.0_392\"")).contains(8);
        assertThat(Prerequisites.javaMajor("openjdk version \"21\" 2023-09-19")).contains(21);
        assertThat(Prerequisites.javaMajor("garbage")).isEmpty();
        assertThat(Prerequisites.nodeMajor("v22.1.0\n")).contains(22);
    }

    @Test
    void aTakenPortIsNamedWithWhatNeedsIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The real bind check, on a port some other program holds.
            assertThat(Prerequisites.canBind(taken.getLocalPort())).isFalse();
        }
        List<String> problems = prerequisites(port -> port != 8180 && port != 3509).check(List.of("up"));
        assertThat(problems).containsExactly("ports already in use: 8180 (gateway), 3509 (notification sidecar HTTP);"
                + " stop what holds them (a running LearnFlow: ./learnflow down; find others: ss -ltnp)");
    }

    @Test
    void onlyThePortsOfChosenServicesAndEmbeddedInfrastructureCount() {
        Map<String, String> env = env();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        Prerequisites p = new Prerequisites(env, port -> true);
        assertThat(p.meshPorts(Prerequisites.services(List.of("up", "--services", "progress"))))
                .containsOnlyKeys(8106, 3506, 50007, LauncherOptions.DEFAULT_POSTGRES_PORT);
    }

    @Test
    void portsMatchTheLaunchersServiceDefinitions() {
        Map<Integer, String> expected = new HashMap<>();
        for (ServiceDef s : ServiceDef.ALL) {
            expected.put(s.port(), s.name());
            expected.put(s.sidecarHttpPort(), s.name() + " sidecar HTTP");
            expected.put(s.sidecarGrpcPort(), s.name() + " sidecar gRPC");
        }
        expected.put(LauncherOptions.DEFAULT_KAFKA_PORT, "embedded Kafka");
        expected.put(LauncherOptions.DEFAULT_KAFKA_CONTROLLER_PORT, "embedded Kafka controller");
        expected.put(LauncherOptions.DEFAULT_POSTGRES_PORT, "embedded PostgreSQL");
        assertThat(prerequisites(port -> true).meshPorts(Prerequisites.services(List.of("up"))))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** The real script, on a machine without bubblewrap: stops before building, in seconds, with one line. */
    @Test
    void upWithoutBubblewrapStopsBeforeBuildingWithOneLine() throws Exception {
        Files.delete(tools.resolve("bwrap"));
        Path root = RepoRoot.find();
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("learnflow").toString(), "up", "--build")
                .redirectErrorStream(true);
        pb.environment().put("LEARNFLOW_TOOLS_PATH", tools.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        long t = System.nanoTime();
        Process p = pb.start();
        boolean exited = p.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as("stopped instead of building; output:%n%s", output).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - t);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output).doesNotContain("Building LearnFlow")
                .contains("learnflow: bubblewrap is missing (code-execution's sandbox): sudo apt-get install bubblewrap\n");
        System.out.printf("./learnflow up without bubblewrap stopped after %d ms%n", took.toMillis());
    }

    private Prerequisites prerequisites(java.util.function.IntPredicate free) {
        return new Prerequisites(env(), free);
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("LEARNFLOW_TOOLS_PATH", tools.toString());
        env.put("PATH", "/usr/bin:/bin");
        return env;
    }

    private void stub(String name, String body) throws IOException {
        Path p = tools.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, Set.copyOf(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
