package dev.learnflow.progress.service;

/**
 * The four Bayesian Knowledge Tracing parameters of one skill (topic).
 *
 * @param pInit  P(L0): probability the student knows the topic before any attempt
 * @param pLearn P(T): probability of learning it at each opportunity
 * @param pGuess P(G): probability of a correct answer without knowing it
 * @param pSlip  P(S): probability of a wrong answer despite knowing it
 */
public record BktParameters(double pInit, double pLearn, double pGuess, double pSlip) {

    /** OATutor's defaults: 0.1 for each parameter. */
    public static final BktParameters DEFAULTS = new BktParameters(0.1, 0.1, 0.1, 0.1);

    public BktParameters {
        requireProbability("pInit", pInit);
        requireProbability("pLearn", pLearn);
        requireProbability("pGuess", pGuess);
        requireProbability("pSlip", pSlip);
        // With guess + slip >= 1 a correct answer would be no evidence of knowing (the model degenerates).
        if (pGuess + pSlip >= 1.0) {
            throw new IllegalArgumentException("pGuess + pSlip must be below 1, got " + (pGuess + pSlip));
        }
    }

    private static void requireProbability(String name, double value) {
        if (Double.isNaN(value) || value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(name + " must be within 0..1, got " + value);
        }
    }
}
