package dev.learnflow.concepts.domain;

import java.util.List;

/**
 * One document of the curriculum knowledge base ({@code src/main/resources/kb/<topic>.md}): the explanation in two
 * wordings, a runnable example and the usual mistakes.
 *
 * @param diagram  {@code flow} (control flow of the example), {@code references} (names and the objects they point
 *                 to: aliasing of lists and dicts) or {@code none}
 * @param aliases  other ways students name the concept, used for retrieval
 * @param idea     beginner wording
 * @param inDepth  advanced wording
 * @param example  Python source that runs on its own in the sandbox
 * @param curriculumTopicId the seeded curriculum topic the lesson belongs to (itself for the 32 course topics; the
 *                 parent topic for lessons beyond the course, e.g. generators → comprehensions): progress is
 *                 recorded against it
 */
public record Lesson(String topicId, String title, String diagram, List<String> aliases, String idea,
                     String inDepth, String example, List<String> watchOut, String source,
                     String curriculumTopicId) {

    public boolean inCurriculum() {
        return topicId.equals(curriculumTopicId);
    }
}
