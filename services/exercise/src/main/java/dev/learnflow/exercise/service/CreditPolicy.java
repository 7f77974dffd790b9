package dev.learnflow.exercise.service;

/**
 * Partial credit: the fraction of tests passed, times a factor that shrinks by {@code penalty} for every attempt
 * after the first and never goes below {@code minimum}. With penalty 0 the score is the plain fraction.
 */
public record CreditPolicy(double penalty, double minimum) {

    public CreditPolicy {
        if (penalty < 0 || penalty > 1 || minimum < 0 || minimum > 1) {
            throw new IllegalArgumentException("penalty and minimum credit must be within 0..1");
        }
    }

    public double score(int passed, int total, int attempt) {
        if (total <= 0) {
            return 0.0;
        }
        double raw = (double) passed / total;
        double factor = Math.max(minimum, 1.0 - penalty * Math.max(0, attempt - 1));
        return Math.round(raw * factor * 10_000) / 10_000.0;
    }
}
