package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.ExecutionError;
import dev.learnflow.contracts.domain.ExecutionStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a sandboxed run produced. Also the reply of code-execution to other services (exercise, concepts).
 *
 * @param exitCode  process exit code; null when the process was killed before exiting
 * @param exception the Python exception that ended the run, null if none
 * @param truncated stdout or stderr was cut at the output limit
 */
@Schema(description = "Result of a sandboxed run")
public record RunCodeResponse(
        String stdout,
        String stderr,
        Integer exitCode,
        ExecutionStatus status,
        long wallTimeMs,
        long cpuTimeMs,
        ExecutionError exception,
        boolean truncated) {
}
