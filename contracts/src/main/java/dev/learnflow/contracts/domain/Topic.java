package dev.learnflow.contracts.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One teachable skill inside a module; mastery is tracked per topic.
 *
 * @param id       stable slug, unique across the course, e.g. {@code for-loops}
 * @param position order within its module, starting at 1
 */
@Schema(description = "A topic (skill) within a module; mastery is tracked per topic")
public record Topic(
        @Schema(example = "for-loops") String id,
        @Schema(example = "control-flow") String moduleId,
        int position,
        String title,
        String summary,
        Difficulty difficulty) {
}
