package dev.learnflow.codeexecution.domain;

/**
 * Limits of one sandbox job, as the supervisor inside applies them to every program it runs (hard rlimits the
 * program cannot raise, plus wall time and output caps it enforces itself).
 *
 * @param wallMs      wall-clock limit of one program (a plain run, or one test case)
 * @param cpuSeconds  RLIMIT_CPU of one program
 * @param memoryBytes RLIMIT_AS on top of the interpreter's own address space
 * @param budgetMs    test runs: all cases together; later cases are reported as not run
 */
public record SandboxLimits(int wallMs, int cpuSeconds, long memoryBytes, long fileSizeBytes, int processes,
                            int openFiles, int stdoutBytes, int stderrBytes, int budgetMs) {

    /** The supervisor's {@code key=value;...} form. */
    String encode() {
        return "wall_ms=" + wallMs + ";cpu_s=" + cpuSeconds + ";mem=" + memoryBytes + ";fsize=" + fileSizeBytes
                + ";nproc=" + processes + ";nofile=" + openFiles + ";out=" + stdoutBytes + ";err=" + stderrBytes
                + ";budget_ms=" + budgetMs;
    }
}
