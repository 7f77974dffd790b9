package dev.learnflow.contracts.answers;

/**
 * Data of a {@code debug} answer: hints on an error or a wrong result, a run that went fine, or an error or symptom
 * explained before the code was seen.
 */
public sealed interface DebugData extends AnswerData permits DebugHints, DebugRun, DebugExplanation {
}
