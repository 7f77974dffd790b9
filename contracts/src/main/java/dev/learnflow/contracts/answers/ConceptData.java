package dev.learnflow.contracts.answers;

/**
 * Data of a {@code concept} answer: a lesson from the knowledge base, a passage of the Python documentation, or an
 * abstention with topics to choose from.
 */
public sealed interface ConceptData extends AnswerData permits ConceptLesson, ConceptDocumentation, ConceptAbstention {

    /** The course topic explained; null when the answer is not one of the course's lessons. */
    String topicId();

    /** The course topic a lesson beyond the course counts for; null when none. */
    String curriculumTopicId();

    /** How the explanation is worded for this student. */
    String level();
}
