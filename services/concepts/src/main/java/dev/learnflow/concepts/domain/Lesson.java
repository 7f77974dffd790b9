package dev.learnflow.concepts.domain;

import java.util.List;

/**
 * One document of the curriculum knowledge base ({@code src/main/resources/kb/<topic>.md}): the explanation in two
 * wordings, a runnable example and the usual mistakes.
 *
 * @param diagram  {@code flow} (control flow of the example), {@code references} (names and the objects they point
 *                 to: aliasing of lists and dicts) or {@code none}
 * @param aliases  other ways students name the concept, used for retrieval: what the lesson is about
 * @param idea     beginner wording
 * @param inDepth  advanced wording
 * @param example  Python source that runs on its own in the sandbox
 * @param curriculumTopicId the seeded curriculum topic the lesson belongs to (itself for the 32 course topics; the
 *                 parent topic for lessons beyond the course, e.g. generators → comprehensions): progress is
 *                 recorded against it
 * @param mentions names the lesson uses or shows in passing but is not about ({@code json} in the standard-library
 *                 tour, {@code split} in the strings lesson): they count as its words, never as its names, so a
 *                 question about one of them is answered from the section documenting it (or declined)
 * @param asks     how beginners ask for the lesson when they do not know its name ("put a list in order"): embedded
 *                 for retrieval like the aliases, never taken as the lesson's names or words
 */
public record Lesson(String topicId, String title, String diagram, List<String> aliases, String idea,
                     String inDepth, String example, List<String> watchOut, String source,
                     String curriculumTopicId, List<String> mentions, List<String> asks) {

    public Lesson(String topicId, String title, String diagram, List<String> aliases, String idea, String inDepth,
                  String example, List<String> watchOut, String source, String curriculumTopicId) {
        this(topicId, title, diagram, aliases, idea, inDepth, example, watchOut, source, curriculumTopicId, List.of(),
                List.of());
    }

    public boolean inCurriculum() {
        return topicId.equals(curriculumTopicId);
    }
}
