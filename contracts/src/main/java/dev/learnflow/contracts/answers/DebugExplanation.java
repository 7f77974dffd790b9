package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * An error or symptom named without code, explained from the catalogue before asking for the code.
 *
 * @param facts the student's own names taken from the message (clipped), by fact name
 * @param needs what the tutor asks for next: {@code code}
 */
@Schema(description = "An error or symptom explained before the code was seen")
public record DebugExplanation(
        @NotNull Explained explained,
        @NotNull String meaning,
        @NotNull List<Cause> causes,
        @NotNull String findOut,
        @NotNull Map<String, String> facts,
        @NotNull String needs,
        boolean ranInSandbox,
        @NotNull String source) implements DebugData {

    public DebugExplanation {
        causes = Immutables.list(causes);
        facts = Immutables.map(facts);
    }

    /** Which catalogue entry answered. */
    @Schema(description = "The catalogue entry that answered")
    public record Explained(@NotNull String id, @NotNull @Schema(description = "error or symptom") String kind,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String errorType) {
    }

    /** A usual cause with a tiny example (never the student's fix). */
    @Schema(description = "A usual cause, with a tiny example")
    public record Cause(@NotNull String title, @NotNull String text, @NotNull String example) {
    }
}
