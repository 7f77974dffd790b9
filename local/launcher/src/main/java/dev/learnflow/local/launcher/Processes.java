package dev.learnflow.local.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Stopping process trees and measuring their memory (Linux /proc; elsewhere memory reads as unknown). */
public final class Processes {

    private Processes() {
    }

    /**
     * Stops each process and all its descendants: SIGTERM to the roots (so Quarkus/PostgreSQL shut down cleanly),
     * wait up to {@code grace}, then SIGKILL whatever of the trees is still alive.
     *
     * @return pids that were still alive after the kill (should be empty)
     */
    public static List<Long> stopTrees(Collection<ProcessHandle> roots, Duration grace) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            all.add(root);
            root.descendants().forEach(all::add); // snapshot now: children get re-parented when a root dies
        }
        for (ProcessHandle root : roots) {
            if (root.isAlive()) {
                root.destroy();
            }
        }
        awaitExit(roots, grace);
        for (ProcessHandle p : roots) {
            if (p.isAlive()) {
                p.descendants().forEach(all::add);
            }
        }
        for (ProcessHandle p : all) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        awaitExit(all, Duration.ofSeconds(10));
        List<Long> survivors = new ArrayList<>();
        for (ProcessHandle p : all) {
            if (p.isAlive()) {
                survivors.add(p.pid());
            }
        }
        return survivors;
    }

    /** Waits until every process has exited or the timeout passed; true if all exited. */
    public static boolean awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // timed out or interrupted: checked below
            }
        }
        return processes.stream().noneMatch(ProcessHandle::isAlive);
    }

    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Resident memory of one process in bytes, from /proc/&lt;pid&gt;/status (empty if unknown). */
    public static OptionalLong rssBytes(long pid) {
        return procKilobytes(pid, "status", "VmRSS:");
    }

    /**
     * Proportional set size of one process in bytes, from /proc/&lt;pid&gt;/smaps_rollup (empty if unknown): shared
     * pages are split between the processes sharing them, so PSS values add up to real memory use.
     */
    public static OptionalLong pssBytes(long pid) {
        return procKilobytes(pid, "smaps_rollup", "Pss:");
    }

    /** The "{@code field} N kB" line of /proc/&lt;pid&gt;/{@code file}, in bytes (empty if unknown). */
    private static OptionalLong procKilobytes(long pid, String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, not Linux, or no permission
        }
        return OptionalLong.empty();
    }

    /** PSS of a process plus all its descendants, in bytes (RSS where PSS is unknown). */
    public static long treePssBytes(ProcessHandle root) {
        long sum = pssBytes(root.pid()).orElse(rssBytes(root.pid()).orElse(0));
        for (ProcessHandle d : root.descendants().toList()) {
            sum += pssBytes(d.pid()).orElse(rssBytes(d.pid()).orElse(0));
        }
        return sum;
    }

    /** CPU time (user + system) a process and its live descendants have used so far. */
    public static Duration treeCpu(ProcessHandle root) {
        Duration d = root.info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle c : root.descendants().toList()) {
            d = d.plus(c.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return d;
    }

    /** RSS of a process plus all its descendants, in bytes (0 if unknown). */
    public static long treeRssBytes(ProcessHandle root) {
        long sum = rssBytes(root.pid()).orElse(0);
        for (ProcessHandle d : root.descendants().toList()) {
            sum += rssBytes(d.pid()).orElse(0);
        }
        return sum;
    }

    /**
     * Whether {@code process} (or one of its descendants) holds the socket listening on TCP {@code port}, from
     * /proc/net/tcp{,6} and /proc/&lt;pid&gt;/fd. Empty where that cannot be told (not Linux). Lets the launcher
     * tell its own service from another program that answers on the same port.
     */
    public static Optional<Boolean> listensOn(ProcessHandle process, int port) {
        Set<String> inodes = new LinkedHashSet<>();
        boolean readable = false;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                readable = true;
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 10 || !"0A".equals(f[3])) { // 0A = LISTEN
                        continue;
                    }
                    String local = f[1];
                    int p = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                    if (p == port) {
                        inodes.add(f[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // table missing: try the other one
            }
        }
        if (!readable) {
            return Optional.empty();
        }
        if (inodes.isEmpty()) {
            return Optional.of(false);
        }
        List<ProcessHandle> candidates = new ArrayList<>();
        candidates.add(process);
        process.descendants().forEach(candidates::add);
        for (ProcessHandle ph : candidates) {
            Path fds = Path.of("/proc", Long.toString(ph.pid()), "fd");
            try (var s = Files.list(fds)) {
                for (Path fd : (Iterable<Path>) s::iterator) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")
                                && inodes.contains(target.substring(8, target.length() - 1))) {
                            return Optional.of(true);
                        }
                    } catch (IOException ignored) {
                        // fd closed meanwhile
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(false);
    }

    /** The command line of a process, if the OS tells. */
    public static Optional<String> commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine().or(() -> p.info().command()));
    }

    public static String formatBytes(long bytes) {
        if (bytes <= 0) {
            return "?";
        }
        double mib = bytes / (1024.0 * 1024.0);
        return mib >= 1024 ? String.format("%.2f GiB", mib / 1024.0) : String.format("%.0f MiB", mib);
    }
}
