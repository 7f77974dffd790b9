package dev.learnflow.codeexecution.client;

import dev.learnflow.codeexecution.config.SandboxConfig;
import dev.learnflow.codeexecution.domain.ProgramResult;
import dev.learnflow.codeexecution.domain.SandboxJob;
import dev.learnflow.codeexecution.domain.SandboxRun;
import dev.learnflow.platform.concurrent.DaemonThreads;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one {@link SandboxJob} in a fresh bubblewrap sandbox (one per job, never reused; possibly started ahead
 * of time, see {@link #prewarm}) and collects the supervisor's report.
 *
 * <p>The host only ever talks to the sandbox through three pipes: the job goes in on stdin, framed results come
 * back on stdout (capped and checked), and bwrap's own complaints on stderr (kept short, for logs). It never
 * opens, reads or writes a path inside the sandbox, so nothing the student plants there (symlinks included) can
 * make it touch a host file. A watchdog kills the whole process tree if the sandbox overruns its deadline.
 */
@ApplicationScoped
public class BubblewrapSandbox {

    private static final Logger LOG = Logger.getLogger(BubblewrapSandbox.class);
    private static final int STDERR_KEEP = 8 * 1024;
    private static final int VALUE_CAP = 128 * 1024;
    private static final int SMALL_FRAME = 4 * 1024;

    @Inject
    SandboxEnvironment environment;
    @Inject
    SandboxConfig config;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("sandbox-watchdog"));
    private final ExecutorService drains = Executors.newCachedThreadPool(DaemonThreads.named("sandbox-stderr"));
    private final ExecutorService warmer = Executors.newSingleThreadExecutor(DaemonThreads.named("sandbox-warmer"));
    private final ExecutorService ending = Executors.newCachedThreadPool(DaemonThreads.named("sandbox-ending"));
    private final Map<Integer, Started> warm = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private volatile boolean warmingEnabled;

    /** Runs the job as pool slot {@code slot}. Never throws for anything the student's code does. */
    public SandboxRun execute(SandboxJob job, int slot) {
        return execute(job, slot, false);
    }

    /**
     * As {@link #execute(SandboxJob, int)}; with {@code inspectUids} the host also records which uids the
     * sandbox's processes really run as (the self-test proves none is root).
     */
    SandboxRun execute(SandboxJob job, int slot, boolean inspectUids) {
        long started = System.nanoTime();
        SandboxEnvironment.Resolved resolved = environment.resolved().orElse(null);
        if (resolved == null || closing) {
            return failed(closing ? "service is shutting down" : environment.problem(), started);
        }
        Started sandbox = takeWarm(slot);
        boolean warmed = sandbox != null;
        try {
            if (sandbox == null) {
                sandbox = start(resolved, slot);
            }
            SandboxRun run = drive(sandbox, job, slot, inspectUids, resolved, started);
            if (warmed && !run.started() && !closing) {
                // The idle sandbox had died meanwhile (it never saw the job): run this one cold.
                LOG.debugf("warm sandbox of slot %d was gone; starting a fresh one", slot);
                run = drive(start(resolved, slot), job, slot, inspectUids, resolved, started);
            }
            return run;
        } catch (IOException e) {
            return failed("cannot start bwrap: " + e.getMessage(), started);
        } finally {
            prewarm(slot);
        }
    }

    /** A sandbox process as started: bwrap, and the supervisor inside waiting for its job on stdin. */
    private record Started(Process process, Future<byte[]> stderr) {
    }

    private Started start(SandboxEnvironment.Resolved resolved, int slot) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(environment.command(resolved, slot));
        // bwrap itself gets no secrets either (it clears the environment for the sandbox anyway).
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        pb.directory(new File("/"));
        Process process = pb.start();
        running.add(process);
        try {
            return new Started(process, drains.submit(() -> readCapped(process.getErrorStream())));
        } catch (RuntimeException e) {
            ProcessTree.kill(process.toHandle());
            running.remove(process);
            throw new IOException("shutting down", e);
        }
    }

    /**
     * Keeps one started, unused sandbox per idle slot (when {@code pool.prewarm} is on): namespaces built, the
     * interpreter and supervisor loaded, waiting for a job on stdin. A run then skips most of its start-up. It
     * is exactly the sandbox a cold run would get (nothing has run in it), and it dies with the service.
     */
    void prewarm(int slot) {
        if (!config.pool().prewarm() || closing || !warmingEnabled) {
            return;
        }
        try {
            warmer.execute(() -> {
                SandboxEnvironment.Resolved resolved = environment.resolved().orElse(null);
                if (closing || resolved == null || warm.containsKey(slot)) {
                    return;
                }
                try {
                    Started s = start(resolved, slot);
                    if (warm.putIfAbsent(slot, s) != null || closing) {
                        discard(s);
                    }
                } catch (IOException e) {
                    LOG.debugf("cannot pre-start a sandbox: %s", e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            // shutting down
        }
    }

    /** Starts pre-warming (the self-test passed); until then no sandbox is kept idle. */
    void enableWarming(int slots) {
        warmingEnabled = true;
        for (int slot = 0; slot < slots; slot++) {
            prewarm(slot);
        }
    }

    /**
     * Ends the idle pre-started sandboxes of every slot but {@code keep} (the mesh has gone quiet); returns how many
     * were ended. A run that takes one of them at the same moment simply starts cold.
     */
    int keepWarmOnly(int keep) {
        int ended = 0;
        for (Map.Entry<Integer, Started> e : warm.entrySet()) {
            if (e.getKey() != keep && warm.remove(e.getKey(), e.getValue())) {
                discard(e.getValue());
                ended++;
            }
        }
        return ended;
    }

    /** Idle pre-started sandboxes now. */
    public int idleSandboxCount() {
        return warm.size();
    }

    private Started takeWarm(int slot) {
        Started s = warm.remove(slot);
        if (s != null && !s.process().isAlive()) {
            discard(s);
            return null;
        }
        return s;
    }

    private void discard(Started s) {
        ProcessTree.kill(s.process().toHandle());
        running.remove(s.process());
    }

    /** Host pids of idle pre-started sandboxes and everything below them (tests tell them from strays). */
    public java.util.Set<Long> idleSandboxPids() {
        java.util.Set<Long> pids = new java.util.HashSet<>();
        for (Started s : warm.values()) {
            ProcessHandle h = s.process().toHandle();
            pids.add(h.pid());
            h.descendants().forEach(d -> pids.add(d.pid()));
        }
        return pids;
    }

    private SandboxRun drive(Started sandbox, SandboxJob job, int slot, boolean inspectUids,
                             SandboxEnvironment.Resolved resolved, long started) {
        Process process = sandbox.process();
        AtomicReference<String> killedBecause = new AtomicReference<>();
        long deadlineMs = hostDeadlineMs(job);
        ScheduledFuture<?> backstop;
        try {
            backstop = watchdog.schedule(() -> {
                killedBecause.compareAndSet(null, "sandbox overran its host deadline of " + deadlineMs + " ms");
                ProcessTree.kill(process.toHandle());
            }, deadlineMs, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            discard(sandbox);
            return failed("service is shutting down", started);
        }
        Collector collector = new Collector(job, inspectUids ? process.toHandle() : null);
        boolean reported = false;
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(job.encode());
            } catch (IOException e) {
                // The sandbox died before reading its job; what it printed tells why.
            }
            try {
                collector.read(process.getInputStream());
                reported = collector.allReported() && killedBecause.get() == null;
            } catch (ProtocolViolation e) {
                killedBecause.compareAndSet(null, "protocol violation: " + e.getMessage());
                ProcessTree.kill(process.toHandle());
            } catch (IOException e) {
                LOG.debugf("sandbox stdout ended: %s", e.getMessage());
            }
            if (reported) {
                // Every program has ended and was reported, and the supervisor swept and reaped the sandbox
                // before its last report: all that is left is the supervisor's own exit and bwrap's teardown
                // (~4 ms). The answer does not wait for them; the sandbox is still ended (and killed if it does
                // not end on its own) and its slot's next sandbox is a fresh one as ever.
                backstop.cancel(false);
                endInBackground(sandbox);
                return new SandboxRun(true, collector.python, collector.finish(), collector.failure, false,
                        (System.nanoTime() - started) / 1_000_000, collector.hostUids);
            }
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                ProcessTree.kill(process.toHandle());
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killedBecause.compareAndSet(null, "interrupted");
        } finally {
            if (!reported) {
                backstop.cancel(false);
                if (process.isAlive()) {
                    ProcessTree.kill(process.toHandle());
                }
                running.remove(process);
            }
        }
        String bwrapErrors = stderrText(sandbox.stderr());
        boolean hostKilled = killedBecause.get() != null;
        String exit = process.isAlive() ? "still running" : "exit " + process.exitValue();
        String failure = collector.failure != null ? collector.failure
                : hostKilled ? killedBecause.get()
                : !collector.started ? "sandbox did not start (" + exit + "): " + bwrapErrors
                : null;
        if (failure != null && !collector.started && !closing) {
            LOG.warnf("Sandbox failure: %s", failure);
        }
        if (hostKilled && resolved.setpriv().isPresent()) {
            // Belt and braces: nothing of this run may survive under the slot's uid.
            int uid = environment.hostUid(slot);
            ProcessTree.killOwnDescendantsOfUid(u -> u == uid);
        }
        return new SandboxRun(collector.started, collector.python, collector.finish(), failure, hostKilled,
                (System.nanoTime() - started) / 1_000_000, collector.hostUids);
    }

    /**
     * Waits (off the request's thread) for a sandbox whose programs have all been reported to exit, killing its
     * process tree if it has not within 2 s; it counts as running until then.
     */
    private void endInBackground(Started sandbox) {
        Process process = sandbox.process();
        try {
            ending.execute(() -> {
                try {
                    if (!process.waitFor(2, TimeUnit.SECONDS)) {
                        ProcessTree.kill(process.toHandle());
                    }
                } catch (InterruptedException e) {
                    ProcessTree.kill(process.toHandle());
                } finally {
                    running.remove(process);
                }
            });
        } catch (RuntimeException e) {
            // shutting down: end it now
            ProcessTree.kill(process.toHandle());
            running.remove(process);
        }
    }

    /** Processes of sandboxes running now (for tests and shutdown). */
    public int runningCount() {
        return running.size();
    }

    void onStop(@Observes ShutdownEvent event) {
        killAll();
    }

    @PreDestroy
    void killAll() {
        closing = true;
        warmer.shutdownNow();
        warm.clear();
        for (Process p : List.copyOf(running)) {
            ProcessTree.kill(p.toHandle());
        }
        watchdog.shutdownNow();
        ending.shutdownNow();
        drains.shutdownNow();
    }

    private long hostDeadlineMs(SandboxJob job) {
        long programs = job.cases().isEmpty() ? job.limits().wallMs()
                : Math.min((long) job.limits().budgetMs(), (long) job.limits().wallMs() * job.cases().size())
                + job.limits().wallMs();
        // + the supervisor's own drain allowance (2 s) and sandbox start/teardown.
        return programs + 2_000 + config.startupGrace().toMillis();
    }

    private static SandboxRun failed(String why, long started) {
        return new SandboxRun(false, null, List.of(), why, false, (System.nanoTime() - started) / 1_000_000,
                Set.of());
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) >= 0) {
            int room = STDERR_KEEP - kept.size();
            if (room > 0) {
                kept.write(buf, 0, Math.min(room, n));
            }
        }
        return kept.toByteArray();
    }

    private static String stderrText(Future<byte[]> stderr) {
        try {
            return new String(stderr.get(2, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
        } catch (Exception e) {
            stderr.cancel(true);
            return "";
        }
    }

    /** The supervisor broke the protocol (only possible if its process was tampered with): stop listening. */
    static final class ProtocolViolation extends IOException {
        ProtocolViolation(String message) {
            super(message);
        }
    }

    /**
     * Parses the supervisor's frames, trusting nothing: every length is checked against what the job may
     * legitimately produce before any buffer is allocated.
     */
    final class Collector {

        private final SandboxJob job;
        private final ProcessHandle inspect;
        private final List<ProgramResult> programs = new ArrayList<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private byte[] value;
        private boolean inProgram;
        boolean started;
        String python;
        String failure;
        final Set<Integer> hostUids = new java.util.HashSet<>();

        Collector(SandboxJob job, ProcessHandle inspect) {
            this.job = job;
            this.inspect = inspect;
        }

        void read(InputStream stream) throws IOException {
            DataInputStream in = new DataInputStream(stream);
            int expected = job.programCount();
            while (true) {
                int tag = in.read();
                if (tag < 0) {
                    return;
                }
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException e) {
                    return;
                }
                if (length < 0) {
                    throw new ProtocolViolation("negative frame length");
                }
                switch (tag) {
                    case 'H' -> {
                        Map<String, String> hello = keyValues(payload(in, length, SMALL_FRAME));
                        started = true;
                        python = hello.get("python");
                        if (inspect != null) {
                            hostUids.addAll(ProcessTree.uidsOfTree(inspect));
                        }
                    }
                    case 'O' -> append(out, in, length, job.limits().stdoutBytes());
                    case 'E' -> append(err, in, length, job.limits().stderrBytes());
                    case 'V' -> {
                        inProgram = true;
                        value = payload(in, length, VALUE_CAP);
                    }
                    case 'R' -> {
                        programs.add(program(keyValues(payload(in, length, SMALL_FRAME)), true));
                        if (programs.size() == expected) {
                            return; // all reported: whatever is still running in there is of no interest
                        }
                    }
                    case 'F' -> failure = new String(payload(in, length, SMALL_FRAME), StandardCharsets.UTF_8);
                    default -> throw new ProtocolViolation("unknown frame " + tag);
                }
            }
        }

        /** Whether every program of the job has sent its report (and the supervisor no failure). */
        boolean allReported() {
            return started && failure == null && programs.size() == job.programCount();
        }

        /** Results so far; a program that was cut off keeps the output it had produced. */
        List<ProgramResult> finish() {
            if (inProgram && programs.size() < job.programCount()) {
                programs.add(program(Map.of(), false));
            }
            return programs;
        }

        private void append(ByteArrayOutputStream target, DataInputStream in, int length, int cap)
                throws IOException {
            if (!started) {
                throw new ProtocolViolation("output before hello");
            }
            if ((long) target.size() + length > cap) {
                throw new ProtocolViolation("output beyond the cap");
            }
            inProgram = true;
            target.write(payload(in, length, cap));
        }

        private byte[] payload(DataInputStream in, int length, int max) throws IOException {
            if (length > max) {
                throw new ProtocolViolation("frame of " + length + " bytes");
            }
            byte[] data = new byte[length];
            in.readFully(data);
            return data;
        }

        private ProgramResult program(Map<String, String> r, boolean reported) {
            String literal = null;
            String display = null;
            if (value != null) {
                int nul = indexOf(value, (byte) 0);
                literal = new String(value, 0, nul < 0 ? value.length : nul, StandardCharsets.UTF_8);
                display = nul < 0 ? "" : new String(value, nul + 1, value.length - nul - 1, StandardCharsets.UTF_8);
            }
            long valueSeen = number(r, "val", 0);
            int exit = (int) number(r, "exit", -1);
            ProgramResult result = new ProgramResult(out.toByteArray(), err.toByteArray(),
                    Math.max(out.size(), number(r, "out", out.size())),
                    Math.max(err.size(), number(r, "err", err.size())),
                    reported && exit >= 0 ? exit : null,
                    (int) number(r, "sig", 0),
                    number(r, "wall_us", 0), number(r, "cpu_us", 0),
                    number(r, "timeout", 0) == 1, number(r, "olimit", 0) == 1, number(r, "mlimit", 0) == 1,
                    number(r, "rss_kb", 0), literal, display, valueSeen > VALUE_CAP,
                    number(r, "skipped", 0) == 1, reported);
            out.reset();
            err.reset();
            value = null;
            inProgram = false;
            return result;
        }
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> keyValues(byte[] payload) {
        Map<String, String> map = new HashMap<>();
        for (String item : new String(payload, StandardCharsets.US_ASCII).split(";")) {
            int eq = item.indexOf('=');
            if (eq > 0) {
                map.put(item.substring(0, eq), item.substring(eq + 1));
            }
        }
        return map;
    }

    private static long number(Map<String, String> map, String key, long fallback) {
        try {
            String v = map.get(key);
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
