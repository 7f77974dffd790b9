package dev.learnflow.codeexecution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything about the sandbox that an operator may tune ({@code learnflow.sandbox.*}, or the matching
 * {@code LEARNFLOW_SANDBOX_*} environment variables). Safe defaults; the README lists them.
 */
@ConfigMapping(prefix = "learnflow.sandbox")
public interface SandboxConfig {

    /** Path of bubblewrap, or {@code auto} (/usr/bin/bwrap, /usr/local/bin/bwrap, then PATH). */
    @WithDefault("auto")
    String bwrap();

    /**
     * The python3 to run, or {@code auto}: /usr/bin/python3, /usr/local/bin/python3, then python3 on PATH (a
     * pyenv shim is resolved to the real interpreter). Its installation is bound read-only into the sandbox.
     */
    @WithDefault("auto")
    String python();

    /**
     * How the sandbox leaves root when the service runs as root: {@code auto} starts bwrap through
     * util-linux {@code setpriv} as a dedicated unprivileged host uid per pool slot; {@code off} never does (then
     * a service running as root is refused: the sandbox would map to host root, where RLIMIT_NPROC does not
     * apply). Path of setpriv, or {@code auto}.
     */
    @WithDefault("auto")
    String setpriv();

    /** First host uid of the sandbox slots (slot n runs as host uid base+n) when the service runs as root. */
    @WithDefault("900000")
    int hostUidBase();

    /** The uid and gid student code sees inside the sandbox. */
    @WithDefault("65534")
    int sandboxUid();

    /** Extra host paths bound read-only into the sandbox at the same place (e.g. a course's data files). */
    Optional<List<String>> extraReadOnlyBinds();

    Limits limits();

    Pool pool();

    Tests tests();

    /** How often a failed self-test is retried, so the service recovers once bubblewrap works. */
    @WithDefault("30s")
    Duration selfTestRetry();

    /** Time the host allows beyond the program's own limit for sandbox start-up and teardown. */
    @WithDefault("3s")
    Duration startupGrace();

    interface Limits {

        /** Wall-clock limit of a run when the caller does not ask for less. */
        @WithDefault("5000")
        int defaultTimeoutMs();

        /** Upper bound whatever the caller asks; never above the contract's 5 s. */
        @WithDefault("5000")
        int maxTimeoutMs();

        /** Memory the program may allocate beyond the interpreter (RLIMIT_AS on top of the baseline). */
        @WithDefault("256")
        int memoryMb();

        /** Cap of stdout and of stderr each; more output ends the run with status output_limit. */
        @WithDefault("65536")
        int outputBytes();

        /** RLIMIT_FSIZE: the largest file the program may write. */
        @WithDefault("8388608")
        long fileSizeBytes();

        /** RLIMIT_NPROC inside the sandbox's user namespace (processes and threads). */
        @WithDefault("32")
        int processes();

        /** RLIMIT_NOFILE. */
        @WithDefault("64")
        int openFiles();

        /** Size of the private /tmp (working directory) tmpfs. */
        @WithDefault("16777216")
        long tmpBytes();

        /** Size of the private /dev/shm tmpfs. */
        @WithDefault("8388608")
        long shmBytes();
    }

    interface Pool {

        /** Sandboxes running at once; 0 means two per CPU core. */
        @WithDefault("0")
        int size();

        /** Requests that may wait for a sandbox; 0 means 25 per pool slot. Beyond that: 429. */
        @WithDefault("0")
        int queue();

        /** How long a request waits for a free sandbox before it gets 429. */
        @WithDefault("10s")
        Duration queueTimeout();

        /**
         * Keep one started, unused sandbox per idle slot, so a run skips the sandbox's start-up (bwrap, python,
         * supervisor). Costs about 10 MB and two processes per slot.
         */
        @WithDefault("true")
        boolean prewarm();

        /**
         * After this long without a run, only the sandbox the next run will get stays pre-started; the others are
         * ended (about 12 MB each, issue 19). The first run after that pre-starts every slot again.
         */
        @WithDefault("30s")
        Duration keepAllWarmFor();
    }

    interface Tests {

        /** Per-case wall-clock limit of a test run when the caller does not give one. */
        @WithDefault("2000")
        int defaultTimeoutMs();

        /** All cases of one test run together never take longer than this; later cases are not run. */
        @WithDefault("20000")
        int budgetMs();

        /** Output cap per case (expected outputs are at most 10 000 characters). */
        @WithDefault("16384")
        int caseOutputBytes();
    }

    /** Convenience for code that cannot use the Optional directly. */
    default List<String> extraBinds() {
        return extraReadOnlyBinds().orElse(List.of());
    }
}
