package dev.learnflow.codeexecution;

import dev.learnflow.codeexecution.client.BubblewrapSandbox;
import dev.learnflow.local.testing.ConfigOverrides;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: pre-started sandboxes are kept for a pool in use; once runs stop coming, all but the one the next run
 * takes are ended (their processes gone), and the next run gets every slot's sandbox started again.
 */
@QuarkusTest
@TestProfile(QuietPoolTest.QuicklyQuiet.class)
class QuietPoolTest {

    public static class QuicklyQuiet extends ConfigOverrides {
        public QuicklyQuiet() {
            super(Map.of("learnflow.sandbox.pool.size", "3", "learnflow.sandbox.pool.keep-all-warm-for", "2s"));
        }
    }

    @Inject
    BubblewrapSandbox sandbox;

    @Test
    void aQuietPoolKeepsOneSandboxStartedAndWakesTheOthersOnTheNextRun() {
        // Started after the self-test, then ended once nothing ran for 2 s: one is left, for the next run (and
        // stays: a count of one on the way up to three lasts only while the others start).
        await("the quiet pool keeps one pre-started sandbox").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(60))
                .until(sandbox::idleSandboxCount, n -> n == 1);
        Set<Long> kept = sandbox.idleSandboxPids();
        assertThat(Runs.strayProcessesAfterSettling(sandbox::idleSandboxPids))
                .as("the ended sandboxes' processes are gone").isEmpty();

        // The next run takes the kept sandbox, and every slot gets one again.
        assertThat(Runs.run("print(6 * 7)").then().statusCode(200).extract().jsonPath().getString("stdout"))
                .isEqualTo("42\n");
        await("the used sandbox has ended").atMost(Duration.ofSeconds(10)).until(() -> kept.stream()
                .allMatch(pid -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)));
        await("every slot has its pre-started sandbox again").atMost(Duration.ofSeconds(30))
                .until(sandbox::idleSandboxCount, n -> n == 3);
    }
}
