package dev.learnflow.codeexecution.client;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/** Killing sandboxes for good, and finding any process that should not exist any more. */
public final class ProcessTree {

    private static final Logger LOG = Logger.getLogger(ProcessTree.class);

    private ProcessTree() {
    }

    /**
     * SIGKILLs a sandbox's whole tree: the bwrap process and every descendant (the namespace's init, the
     * supervisor, the student's programs). bwrap's --die-with-parent and the pid namespace would take the rest
     * down anyway; this does not rely on them.
     */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> descendants;
        try {
            descendants = root.descendants().toList();
        } catch (RuntimeException e) {
            descendants = List.of();
        }
        root.destroyForcibly();
        for (ProcessHandle h : descendants) {
            h.destroyForcibly();
        }
    }

    /** Real and effective uids of a process and its descendants, as the host sees them. */
    public static java.util.Set<Integer> uidsOfTree(ProcessHandle root) {
        java.util.Set<Integer> uids = new java.util.HashSet<>();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        try {
            all.addAll(root.descendants().toList());
        } catch (RuntimeException e) {
            // ended meanwhile
        }
        for (ProcessHandle h : all) {
            uidLine(Path.of("/proc", Long.toString(h.pid()))).ifPresent(ids -> uids.addAll(ids));
        }
        return uids;
    }

    /** Host pids of live processes whose real uid matches; reads /proc, no native code. */
    public static List<Long> pidsOfUid(IntPredicate uid) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                realUid(dir).ifPresent(u -> {
                    if (uid.test(u)) {
                        pids.add(Long.parseLong(dir.getFileName().toString()));
                    }
                });
            }
        } catch (IOException e) {
            LOG.debugf("cannot list /proc: %s", e.getMessage());
        }
        return pids;
    }

    /**
     * Kills every descendant of this service that runs under one of the given host uids: the safety net after
     * an abnormal end. Another service instance's sandboxes (same slot uids, other parent) are left alone.
     */
    public static int killOwnDescendantsOfUid(IntPredicate uid) {
        int killed = 0;
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            if (realUid(Path.of("/proc", Long.toString(h.pid()))).stream().anyMatch(uid::test)) {
                h.destroyForcibly();
                killed++;
            }
        }
        return killed;
    }

    private static Optional<List<Integer>> uidLine(Path procDir) {
        try {
            for (String line : Files.readAllLines(procDir.resolve("status"))) {
                if (line.startsWith("Uid:")) {
                    List<Integer> ids = new ArrayList<>();
                    for (String part : line.substring(4).trim().split("\\s+")) {
                        ids.add(Integer.parseInt(part));
                    }
                    return Optional.of(ids);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return Optional.empty();
    }

    private static Optional<Integer> realUid(Path procDir) {
        try {
            for (String line : Files.readAllLines(procDir.resolve("status"))) {
                if (line.startsWith("Uid:")) {
                    return Optional.of(Integer.parseInt(line.substring(4).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return Optional.empty();
    }
}
