package dev.learnflow.contracts.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The Python exception that ended a run, parsed from the traceback so the debug service and the UI need not
 * parse it again.
 *
 * @param line line in the student's code (1-based), null if the traceback has none in their file
 */
@Schema(description = "The exception that ended a run")
public record ExecutionError(
        @Schema(example = "NameError") String type,
        @Schema(example = "name 'totl' is not defined") String message,
        @Schema(example = "3") Integer line) {
}
