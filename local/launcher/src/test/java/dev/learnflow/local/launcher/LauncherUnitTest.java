package dev.learnflow.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherUnitTest {

    @TempDir
    Path tmp;

    @Test
    void portsFollowTheServiceOrder() {
        assertThat(ServiceDef.ALL).extracting(ServiceDef::name).containsExactly("gateway", "triage", "concepts",
                "code-review", "debug", "exercise", "progress", "code-execution", "websocket", "notification");
        assertThat(ServiceDef.ALL).extracting(ServiceDef::port)
                .containsExactly(8180, 8100, 8101, 8103, 8104, 8105, 8106, 8107, 8108, 8109);
        ServiceDef notification = ServiceDef.byName("notification").orElseThrow();
        assertThat(notification.sidecarHttpPort()).isEqualTo(3509);
        assertThat(notification.sidecarGrpcPort()).isEqualTo(50010);
        assertThat(ServiceDef.byName("gateway").orElseThrow().sidecarHttpPort()).isEqualTo(3500);
    }

    @Test
    void aServicesOwnJvmOptionsComeAfterTheDefaultsSoTheyWin() {
        Path root = Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.isDirectory(root.resolve("dapr"))) {
            root = root.getParent();
        }
        LauncherOptions o = LauncherOptions.builder(root)
                .serviceJvmOptions("gateway", List.of("-XX:TieredStopAtLevel=4", "-Xmx256m")).build();
        ServiceDef gateway = ServiceDef.byName("gateway").orElseThrow();
        List<String> cmd = Mesh.serviceCommand("java", o, gateway);
        assertThat(cmd).containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-jar");
        assertThat(cmd).containsSubsequence("-Xmx160m", "-Xmx256m", "-jar");
        assertThat(cmd.get(cmd.size() - 1)).isEqualTo(gateway.jar(root).toString());
        List<String> progress = Mesh.serviceCommand("java", o, ServiceDef.byName("progress").orElseThrow());
        assertThat(progress).doesNotContain("-XX:TieredStopAtLevel=4", "-Xmx256m")
                .containsAll(LauncherOptions.SERVICE_JVM_OPTIONS);
    }

    @Test
    void servicesGiveMemoryBackAndGetTheNativeHeapTrimOnlyFromAJvmThatKnowsIt() {
        assertThat(LauncherOptions.serviceJvmOptions(true))
                .contains("-XX:-ShrinkHeapInSteps", "-XX:NewRatio=4", "-XX:MinHeapFreeRatio=70", "-XX:MaxHeapFreeRatio=90",
                        LauncherOptions.NATIVE_HEAP_TRIM);
        assertThat(LauncherOptions.serviceJvmOptions(false))
                .contains("-XX:-ShrinkHeapInSteps").doesNotContain(LauncherOptions.NATIVE_HEAP_TRIM);
        assertThat(LauncherOptions.vmHasOption("ShrinkHeapInSteps")).isTrue();
        assertThat(LauncherOptions.vmHasOption("NoSuchFlagAnywhere")).isFalse();
        assertThat(LauncherOptions.SERVICE_JVM_OPTIONS.contains(LauncherOptions.NATIVE_HEAP_TRIM))
                .isEqualTo(LauncherOptions.vmHasOption("TrimNativeHeapInterval"));
    }

    @Test
    void databaseFromEnvironment() {
        assertThat(DbTarget.fromEnv(Map.of(), 15432)).isEqualTo(DbTarget.embedded(15432));
        DbTarget url = DbTarget.fromEnv(Map.of("LEARNFLOW_DB_URL", "jdbc:postgresql://db.local:6543/lf",
                "LEARNFLOW_DB_USER", "app", "LEARNFLOW_DB_PASSWORD", "pw"), 15432);
        assertThat(url).isEqualTo(DbTarget.external("db.local", 6543, "lf", "app", "pw"));
        assertThat(url.daprConnectionString())
                .isEqualTo("host=db.local port=6543 user=app password=pw dbname=lf connect_timeout=10");
        DbTarget host = DbTarget.fromEnv(Map.of("LEARNFLOW_DB_HOST", "127.0.0.1"), 15432);
        assertThat(host.embedded()).isFalse();
        assertThat(host.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/learnflow");
        assertThat(host.serviceEnv()).containsEntry("LEARNFLOW_DB_NAME", "learnflow")
                .containsEntry("LEARNFLOW_DB_PASSWORD", "");
    }

    @Test
    void runFilesRoundTrip() {
        RunFiles run = new RunFiles(tmp.resolve("run"));
        run.writePid("launcher", 42);
        run.writePid("gateway", 43);
        run.writeMesh(Map.of("services", "gateway"));
        assertThat(run.pids()).containsExactlyInAnyOrderEntriesOf(Map.of("launcher", 42L, "gateway", 43L));
        assertThat(run.readMesh().getProperty("services")).isEqualTo("gateway");
        run.clear();
        assertThat(run.pids()).isEmpty();
        assertThat(run.readMesh()).isEmpty();
    }

    @Test
    void stopTreesKillsChildrenOfAStubbornProcess() throws Exception {
        // A parent that ignores SIGTERM and has a child of its own.
        Process p = new ProcessBuilder("bash", "-c", "trap '' TERM; sleep 300 & sleep 300; wait").start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (p.toHandle().descendants().count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ProcessHandle> tree = new java.util.ArrayList<>(p.toHandle().descendants().toList());
        tree.add(p.toHandle());
        assertThat(tree).hasSizeGreaterThanOrEqualTo(3);
        List<Long> left = Processes.stopTrees(List.of(p.toHandle()), Duration.ofMillis(300));
        assertThat(left).isEmpty();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void listensOnTellsWhoHoldsAPort() throws Exception {
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(Processes.listensOn(ProcessHandle.current(), ss.getLocalPort())).contains(true);
            int free = dev.learnflow.local.infra.Ports.freePort();
            assertThat(Processes.listensOn(ProcessHandle.current(), free)).contains(false);
        }
    }

    @Test
    void devKeysAreGeneratedOnceAndOnlyTheGatewayGetsThePrivateKey() throws Exception {
        DevKeys k1 = DevKeys.ensure(tmp.resolve("keys"));
        String pem = java.nio.file.Files.readString(k1.privateKey());
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        DevKeys k2 = DevKeys.ensure(tmp.resolve("keys"));
        assertThat(java.nio.file.Files.readString(k2.privateKey())).isEqualTo(pem);
        assertThat(k1.envFor("gateway")).containsKeys("LEARNFLOW_JWT_PRIVATE_KEY_LOCATION",
                "LEARNFLOW_JWT_PUBLIC_KEY_LOCATION");
        assertThat(k1.envFor("websocket")).containsOnlyKeys("LEARNFLOW_JWT_PUBLIC_KEY_LOCATION");
    }
}
