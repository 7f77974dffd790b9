package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A teacher acts on an alert.
 *
 * @param muteHours for {@code mute}: how long repeats stay hidden (default 24 h, at most 30 days)
 */
@Schema(description = "Act on an alert")
public record AlertActionRequest(
        @NotNull AlertAction action,
        @Size(max = Limits.NOTE_MAX) String note,
        @Min(1) @Max(720) Integer muteHours) {
}
