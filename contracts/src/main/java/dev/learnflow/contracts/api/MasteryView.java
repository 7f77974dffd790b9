package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.MasteryLevel;
import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Mastery of one module and its topics, as shown on a dashboard.
 *
 * @param pKnown mean of the topics' {@code pKnown}; topics never practised count as 0
 */
@Schema(description = "Mastery of a module and its topics")
public record MasteryView(
        String moduleId,
        String title,
        @Schema(minimum = "0", maximum = "1") double pKnown,
        MasteryLevel level,
        List<TopicMastery> topics) {

    public MasteryView {
        topics = Immutables.list(topics);
    }

    /** Mastery of one topic. */
    @Schema(description = "Mastery of one topic")
    public record TopicMastery(
            String topicId,
            String title,
            @Schema(minimum = "0", maximum = "1") double pKnown,
            MasteryLevel level,
            int attempts,
            int correct,
            Instant lastActivityAt) {
    }
}
