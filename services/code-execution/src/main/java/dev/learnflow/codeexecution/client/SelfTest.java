package dev.learnflow.codeexecution.client;

import dev.learnflow.codeexecution.config.SandboxConfig;
import dev.learnflow.codeexecution.domain.ProgramResult;
import dev.learnflow.codeexecution.domain.SandboxJob;
import dev.learnflow.codeexecution.domain.SandboxLimits;
import dev.learnflow.codeexecution.domain.SandboxRun;
import dev.learnflow.platform.concurrent.DaemonThreads;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Proves at start-up that the sandbox really isolates, by running a probe through the same path as student code
 * and checking what it sees: unprivileged uid mapped to a non-root host uid, no capabilities, no new privileges,
 * only loopback networking with nothing listening, no /etc, read-only root, only our environment variables,
 * the rlimits in force. Until it passes, readiness is DOWN and runs answer 503. A failed test is retried.
 */
@ApplicationScoped
public class SelfTest {

    private static final Logger LOG = Logger.getLogger(SelfTest.class);
    /** Variables the sandbox may show besides ours: bwrap sets PWD, Python's locale coercion LC_CTYPE. */
    private static final Set<String> TOLERATED_ENV = Set.of("PWD", "LC_CTYPE");
    /** Architectures the supervisor has a seccomp syscall table for (elsewhere it runs without the filter). */
    private static final Set<String> SECCOMP_ARCHES = Set.of("amd64", "x86_64");

    private final SandboxEnvironment environment;
    private final SandboxPool pool;
    private final SandboxStatus status;
    private final SandboxConfig config;
    private final String probe;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("sandbox-selftest"));
    private final AtomicBoolean retryScheduled = new AtomicBoolean();

    @Inject
    static final String NO_HOST_UIDS_SEEN = "no sandbox process was seen running under an unprivileged host uid";

    public SelfTest(SandboxEnvironment environment, SandboxPool pool, SandboxStatus status, SandboxConfig config) {
        this.environment = environment;
        this.pool = pool;
        this.status = status;
        this.config = config;
        this.probe = resource("/sandbox/selftest.py");
    }

    void onStart(@Observes StartupEvent event) {
        environment.resolve();
        runNow();
    }

    void onStop(@Observes ShutdownEvent event) {
        retry.shutdownNow();
    }

    /** Runs the self-test now and records the verdict. */
    public synchronized SandboxStatus.Verdict runNow() {
        if (environment.resolved().isEmpty()) {
            environment.resolve();
        }
        SandboxStatus.Verdict verdict;
        String problem = environment.problem();
        if (problem != null) {
            verdict = new SandboxStatus.Verdict(false, problem, null, Instant.now());
        } else {
            verdict = probe();
            // The host samples the sandbox's uids while it runs; a probe that ends before the first sample shows
            // none. That is "not seen", not "privileged": look again at once rather than after the retry period.
            for (int i = 0; i < 3 && !verdict.healthy() && verdict.detail() != null
                    && verdict.detail().contains(NO_HOST_UIDS_SEEN); i++) {
                verdict = probe();
            }
        }
        status.update(verdict);
        if (verdict.healthy()) {
            LOG.infof("Sandbox self-test passed: %s", verdict.detail());
            pool.prewarm();
        } else {
            LOG.errorf("Sandbox self-test FAILED, refusing to run code: %s", verdict.detail());
            scheduleRetry();
        }
        return verdict;
    }

    /** A sandbox failed to start during normal operation: check again soon, in the background. */
    public void recheckSoon() {
        scheduleRetry();
    }

    private void scheduleRetry() {
        if (retryScheduled.compareAndSet(false, true)) {
            try {
                long delay = status.healthy() ? 0 : config.selfTestRetry().toMillis();
                retry.schedule(() -> {
                    retryScheduled.set(false);
                    if (status.healthy()) {
                        runNow();
                    } else {
                        environment.resolve();
                        runNow();
                    }
                }, delay, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                retryScheduled.set(false); // shutting down
            }
        }
    }

    private SandboxStatus.Verdict probe() {
        SandboxConfig.Limits l = config.limits();
        SandboxLimits limits = new SandboxLimits(5_000, 5, (long) l.memoryMb() << 20, l.fileSizeBytes(),
                l.processes(), l.openFiles(), 8_192, 8_192, 5_000);
        SandboxRun run;
        try {
            run = pool.runUnchecked(SandboxJob.run(probe, "", limits), true);
        } catch (SandboxBusyException e) {
            // Busy is not broken: keep the last verdict (a busy pool must not take the service out of rotation).
            SandboxStatus.Verdict last = status.verdict();
            return last.checkedAt() == null
                    ? new SandboxStatus.Verdict(false, "self-test could not run: " + e.getMessage(), null,
                    Instant.now())
                    : last;
        } catch (RuntimeException e) {
            return new SandboxStatus.Verdict(false, "self-test could not run: " + e.getMessage(), null,
                    Instant.now());
        }
        if (!run.started() || run.programs().isEmpty()) {
            return new SandboxStatus.Verdict(false, "sandbox does not start: " + run.failure(), null, Instant.now());
        }
        ProgramResult result = run.programs().get(0);
        String out = new String(result.stdout(), StandardCharsets.UTF_8);
        Map<String, String> seen = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                seen.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        List<String> problems = new ArrayList<>();
        String uid = Integer.toString(config.sandboxUid());
        expect(problems, seen, "ok", "1");
        expect(problems, seen, "uid", uid);
        expect(problems, seen, "gid", uid);
        expect(problems, seen, "nnp", "1");
        expect(problems, seen, "capeff", "0000000000000000");
        expect(problems, seen, "capbnd", "0000000000000000");
        expect(problems, seen, "etc", "absent");
        expect(problems, seen, "rootfs", "readonly");
        expect(problems, seen, "loopback", "closed");
        expect(problems, seen, "ifaces", "lo");
        expect(problems, seen, "nproc", Integer.toString(config.limits().processes()));
        expect(problems, seen, "core", "0");
        if (SECCOMP_ARCHES.contains(System.getProperty("os.arch"))) {
            expect(problems, seen, "seccomp", "2"); // filter mode: the supervisor's syscall filter is on
        }
        if (run.hostUids().isEmpty() || run.hostUids().contains(0)) {
            problems.add(run.hostUids().isEmpty() ? NO_HOST_UIDS_SEEN
                    : "sandbox processes run as host uids " + run.hostUids() + " (must be unprivileged)");
        }
        String[] map = seen.getOrDefault("uidmap", "").split(" ");
        if (map.length != 3 || !map[0].equals(uid) || !map[2].equals("1")) {
            problems.add("uid map " + seen.get("uidmap") + " (the sandbox must see exactly one uid)");
        }
        Set<String> env = new HashSet<>(List.of(seen.getOrDefault("env", "").split(",")));
        env.removeAll(SandboxEnvironment.SANDBOX_ENV.keySet());
        env.removeAll(TOLERATED_ENV);
        env.remove("");
        if (!env.isEmpty()) {
            problems.add("unexpected environment variables " + env);
        }
        try {
            if (Integer.parseInt(seen.getOrDefault("pid", "999999")) > 16) {
                problems.add("no own pid namespace (pid " + seen.get("pid") + ")");
            }
        } catch (NumberFormatException e) {
            problems.add("pid unreadable");
        }
        if (!problems.isEmpty()) {
            String stderr = new String(result.stderr(), StandardCharsets.UTF_8).strip();
            return new SandboxStatus.Verdict(false, "sandbox self-test found: " + String.join("; ", problems)
                    + (stderr.isEmpty() ? "" : " (stderr: " + stderr + ")"), run.pythonVersion(), Instant.now());
        }
        SandboxEnvironment.Resolved r = environment.resolved().orElseThrow();
        return new SandboxStatus.Verdict(true, "bwrap " + r.bwrap() + ", python " + run.pythonVersion() + " ("
                + r.python() + "), sandbox uid " + uid + " as host uid(s) " + run.hostUids() + ", start-to-exit "
                + run.hostWallMs() + " ms", run.pythonVersion(), Instant.now());
    }

    private static void expect(List<String> problems, Map<String, String> seen, String key, String value) {
        String actual = seen.get(key);
        if (!value.equals(actual)) {
            problems.add(key + "=" + actual + " (expected " + value + ")");
        }
    }

    private static String resource(String name) {
        try (InputStream in = SelfTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
