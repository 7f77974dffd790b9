package dev.learnflow.contracts.answers;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The program ran without an error; what it printed (the first lines).
 *
 * @param status the sandbox's status, e.g. {@code ok}
 */
@Schema(description = "The program ran without an error")
public record DebugRun(boolean ranInSandbox, @NotNull String status,
                       @NotNull @Schema(description = "The first lines it printed") String stdout)
        implements DebugData {
}
