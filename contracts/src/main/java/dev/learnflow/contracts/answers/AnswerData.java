package dev.learnflow.contracts.answers;

/**
 * The structured part of an answer: {@code data} of a learning.responses event (and of
 * {@code GET /api/v1/queries/{id}}). Each {@link dev.learnflow.contracts.events.ResponseKind} has its shape, so a
 * client can render it richer than the Markdown text; each shape has a JSON Schema
 * ({@code answer.<kind>.schema.json}) and the web client's types are generated from those.
 *
 * <p>Producers build the records; a consumer that only relays or stores an answer reads it as a
 * {@link ReceivedAnswer}, which writes back exactly the JSON it read.
 */
public sealed interface AnswerData
        permits ConceptData, DebugData, ReviewResult, TriageReply, ErrorReply, ReceivedAnswer {
}
