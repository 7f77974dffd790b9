package dev.learnflow.codeexecution.client;

import dev.learnflow.codeexecution.domain.SandboxJob;
import dev.learnflow.codeexecution.domain.SandboxLimits;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor runs only as pid 1 of its sandbox: anywhere else its sweep ({@code kill(-1, SIGKILL)}) and its
 * clearing of {@code /tmp} would reach whatever it shares a pid namespace and file system with. Started in a
 * sandbox whose pid 1 is bwrap's own init (the real command without {@code --as-pid-1}, so that even a supervisor
 * without the check could only harm that sandbox), it refuses before reading its job.
 */
@QuarkusTest
class SupervisorOnlyAsInitTest {

    @Inject
    SandboxEnvironment environment;

    @Test
    void refusesToRunUnlessItIsTheSandboxInit() throws Exception {
        SandboxEnvironment.Resolved resolved = environment.resolved().orElseThrow();
        List<String> command = new ArrayList<>(environment.command(resolved, 5));
        assertThat(command.remove("--as-pid-1")).isTrue();
        ProcessBuilder pb = new ProcessBuilder(command).directory(new File("/"));
        pb.environment().clear();
        Process process = pb.start();
        SandboxLimits limits = new SandboxLimits(2_000, 2, 64L << 20, 1 << 20, 16, 32, 4096, 4096, 2_000);
        try (OutputStream in = process.getOutputStream()) {
            in.write(SandboxJob.run("print('ran')", "", limits).encode());
        } catch (java.io.IOException e) {
            // it may have refused and exited before reading the job
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String frames = new String(out, StandardCharsets.UTF_8);
        assertThat(frames).contains("not pid 1 of a sandbox").doesNotContain("ran");
        assertThat(process.exitValue()).isNotZero();
    }
}
