package dev.learnflow.contracts.answers;

/**
 * Data of one of triage's own replies (exercise and progress pointers, questions back, off-topic declines): built
 * first, then published with how triage classified the question.
 */
public sealed interface TriageReply extends AnswerData
        permits ExercisePointers, ProgressPointers, Clarification, OffTopicReply {

    /** The same data with where its words came from and what picked the lane. */
    TriageReply withProvenance(Provenance provenance);
}
