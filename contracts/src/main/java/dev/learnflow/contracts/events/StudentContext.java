package dev.learnflow.contracts.events;

import dev.learnflow.contracts.json.Immutables;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What triage knows about the student when it forwards a request, so the answering service can pitch the answer
 * (mastery) and connect it to earlier trouble (errors, turns) without calling progress itself.
 *
 * @param mastery          topic id → pKnown, for the current module's topics at least
 * @param recentErrorTypes most recent first, e.g. {@code ["NameError", "IndentationError"]}
 * @param recentTurns      the conversation so far, oldest first, a handful at most
 */
@Schema(description = "Student context attached by triage")
public record StudentContext(
        @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG)
        @Schema(description = "Module the student is working in") String currentModuleId,
        @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG)
        @Schema(description = "Topic the student is working on") String currentTopicId,
        @Schema(description = "Topic id to probability the student knows it (0..1)")
        Map<String, @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double> mastery,
        @Schema(description = "Recent Python error types, most recent first")
        List<@NotBlank String> recentErrorTypes,
        @Schema(description = "Recent conversation turns, oldest first")
        List<@Valid @NotNull Turn> recentTurns) {

    public StudentContext {
        mastery = Immutables.map(mastery);
        recentErrorTypes = Immutables.list(recentErrorTypes);
        recentTurns = Immutables.list(recentTurns);
    }

    /** No context yet (a new student, or a publisher that has none). */
    public static StudentContext empty() {
        return new StudentContext(null, null, Map.of(), List.of(), List.of());
    }

    /** One turn of the conversation. */
    @Schema(description = "One conversation turn")
    public record Turn(
            @NotNull Speaker speaker,
            @NotNull @Size(max = 20_000) String text,
            Instant at) {
    }
}
