package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.learnflow.contracts.json.Immutables;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Where an answer's words came from; part of the data of every answer a model may have written (unwrapped into it).
 *
 * @param source       {@code offline}, {@code llm} or {@code mixed}
 * @param classifiedBy for triage's own replies: what picked the lane ({@code embedding}, {@code signal},
 *                     {@code llm}); absent otherwise
 * @param replaced     the model-written parts the output guard replaced, with the reasons
 */
@Schema(description = "Where the answer's words came from")
public record Provenance(
        @NotNull @Schema(description = "offline, llm or mixed") String source,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "What picked the lane of one of triage's own replies") String classifiedBy,
        @NotNull @Schema(description = "Model-written parts the output guard replaced") List<Replaced> replaced) {

    public static final String OFFLINE = "offline";

    public Provenance {
        replaced = Immutables.list(replaced);
    }

    public Provenance(String source, List<Replaced> replaced) {
        this(source, null, replaced);
    }

    /** Offline words, nothing replaced. */
    public static Provenance offline() {
        return new Provenance(OFFLINE, null, List.of());
    }

    /** A part the model wrote that failed the output guard, and why. */
    @Schema(description = "A model-written part the output guard replaced")
    public record Replaced(@NotNull String part, @NotNull List<String> reasons) {
        public Replaced {
            reasons = Immutables.list(reasons);
        }
    }
}
