package dev.learnflow.triage.domain;



/**
 * The LLM's second opinion on an unsure classification.
 *
 * @param classification what routes the question: the model's verdict when its reply was exactly one label, else
 *                       the offline classification
 * @param refused        why the model's reply was not used although there was one ({@code not_a_label}), or null
 *                       (used, or no reply at all: LLM off, failed or too slow)
 */
public record Refinement(Classification classification, String refused) {

    public static final String NOT_A_LABEL = "not_a_label";

    /** The offline classification stands; nothing was refused. */
    public static Refinement offline(Classification offline) {
        return new Refinement(offline, null);
    }
}
