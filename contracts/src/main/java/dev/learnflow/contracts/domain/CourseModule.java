package dev.learnflow.contracts.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A module of the Python course (e.g. "Control flow"). Named {@code CourseModule} rather than {@code Module} so
 * it never shadows {@link java.lang.Module} in code that imports it.
 *
 * @param id       stable slug used in URLs and events, e.g. {@code control-flow}
 * @param position order within the course, starting at 1
 */
@Schema(name = "Module", description = "A module of the Python course")
public record CourseModule(
        @Schema(example = "python-basics") String id,
        int position,
        String title,
        String description) {
}
