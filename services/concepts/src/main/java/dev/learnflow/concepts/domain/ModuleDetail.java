package dev.learnflow.concepts.domain;

import dev.learnflow.contracts.domain.CourseModule;
import dev.learnflow.contracts.domain.Topic;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A module with its topics in teaching order (GET /internal/curriculum/modules/{moduleId}). */
@Schema(description = "A course module with its topics")
public record ModuleDetail(String id, int position, String title, String description, List<Topic> topics) {

    public static ModuleDetail of(CourseModule module, List<Topic> topics) {
        return new ModuleDetail(module.id(), module.position(), module.title(), module.description(), topics);
    }
}
