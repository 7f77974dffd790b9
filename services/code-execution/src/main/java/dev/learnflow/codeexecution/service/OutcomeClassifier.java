package dev.learnflow.codeexecution.service;

import dev.learnflow.codeexecution.domain.ProgramResult;
import dev.learnflow.codeexecution.domain.SandboxRun;
import dev.learnflow.contracts.domain.ExecutionError;
import dev.learnflow.contracts.domain.ExecutionStatus;

import java.util.Optional;

/** Decides a program's {@link ExecutionStatus} from how it ended; the student's fault versus ours. */
public final class OutcomeClassifier {

    static final int SIGABRT = 6;
    static final int SIGKILL = 9;
    static final int SIGSEGV = 11;
    static final int SIGXCPU = 24;
    static final int SIGXFSZ = 25;

    private OutcomeClassifier() {
    }

    public static ExecutionStatus classify(SandboxRun run, ProgramResult p, Optional<ExecutionError> error,
                                           String stderr) {
        if (p == null) {
            // The supervisor never got to report on this program.
            if (!run.started()) {
                return ExecutionStatus.SANDBOX_ERROR;
            }
            return run.hostKilled() ? ExecutionStatus.TIMEOUT : ExecutionStatus.KILLED;
        }
        if (p.skipped() || p.timedOut()) {
            return ExecutionStatus.TIMEOUT;
        }
        if (p.outputLimited()) {
            return ExecutionStatus.OUTPUT_LIMIT;
        }
        if (p.memoryLimited()) {
            return ExecutionStatus.MEMORY_LIMIT;
        }
        if (!p.reported()) {
            // The program took its supervisor down with it (e.g. os.kill on its parent).
            return run.hostKilled() ? ExecutionStatus.TIMEOUT : ExecutionStatus.KILLED;
        }
        String type = error.map(ExecutionError::type).orElse("");
        String message = error.map(ExecutionError::message).orElse("");
        if (p.signal() != 0) {
            return switch (p.signal()) {
                case SIGXCPU -> ExecutionStatus.TIMEOUT;
                case SIGXFSZ -> ExecutionStatus.OUTPUT_LIMIT;
                case SIGABRT, SIGSEGV -> mentionsMemory(stderr) ? ExecutionStatus.MEMORY_LIMIT : ExecutionStatus.KILLED;
                default -> ExecutionStatus.KILLED;
            };
        }
        if (p.exitCode() != null && p.exitCode() == 0) {
            return ExecutionStatus.OK;
        }
        if (type.equals("MemoryError")) {
            return ExecutionStatus.MEMORY_LIMIT;
        }
        if (isFileLimit(type, message)) {
            return ExecutionStatus.OUTPUT_LIMIT;
        }
        return ExecutionStatus.RUNTIME_ERROR;
    }

    /** Writing past RLIMIT_FSIZE (EFBIG) or filling the private tmpfs (ENOSPC): output to files is capped too. */
    static boolean isFileLimit(String type, String message) {
        return (type.equals("OSError") || type.endsWith("IOError"))
                && (message.startsWith("[Errno 27]") || message.startsWith("[Errno 28]"));
    }

    private static boolean mentionsMemory(String stderr) {
        return stderr != null && (stderr.contains("MemoryError") || stderr.contains("Cannot allocate memory")
                || stderr.contains("out of memory"));
    }
}
