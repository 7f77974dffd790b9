package dev.learnflow.codeexecution.client;

import dev.learnflow.codeexecution.config.SandboxConfig;
import dev.learnflow.codeexecution.domain.SandboxJob;
import dev.learnflow.codeexecution.domain.SandboxLimits;
import dev.learnflow.codeexecution.domain.SandboxRun;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown kills running sandboxes. Uses a second BubblewrapSandbox (same environment and config as
 * the service's) so the service under test keeps running.
 */
@QuarkusTest
class ShutdownKillsSandboxesTest {

    @Inject
    SandboxEnvironment environment;

    @Inject
    SandboxConfig config;

    @Test
    void shutdownKillsRunningSandboxesAtOnce() throws Exception {
        BubblewrapSandbox sandbox = new BubblewrapSandbox();
        sandbox.environment = environment;
        sandbox.config = config;
        SandboxLimits limits = new SandboxLimits(5_000, 5, 64L << 20, 1 << 20, 16, 32, 4096, 4096, 5_000);
        CompletableFuture<SandboxRun> running = CompletableFuture.supplyAsync(() -> sandbox.execute(
                SandboxJob.run("import time\nprint('started', flush=True)\ntime.sleep(60)", "", limits), 7));
        int slotUid = environment.hostUid(7);
        // Running: the sandbox counts it and its processes exist under the slot's uid.
        await("the program running").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> sandbox.runningCount() > 0 && !ProcessTree.pidsOfUid(u -> u == slotUid).isEmpty());
        long start = System.nanoTime();
        sandbox.killAll();
        SandboxRun run = running.get(10, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
        assertThat(run.programs()).allSatisfy(p -> assertThat(p.exitCode()).isNull());
        assertThat(run.programs().stream().map(p -> new String(p.stdout(), StandardCharsets.UTF_8)))
                .allSatisfy(out -> assertThat(out).isIn("", "started\n"));
        assertThat(sandbox.runningCount()).isZero();
        // After shutdown it refuses new work instead of running anything.
        SandboxRun refused = sandbox.execute(SandboxJob.run("print(1)", "", limits), 7);
        assertThat(refused.started()).isFalse();
        assertThat(refused.failure()).contains("shutting down");
        await("no sandbox process left under the slot's uid").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100)).until(() -> ProcessTree.pidsOfUid(u -> u == slotUid).isEmpty());
    }
}
