package dev.learnflow.platform.guard;

/**
 * Edit distance, written once: between two names (a typo is one or two edits) and, with a cost per substitution,
 * between two token lists (the guard's "is this a small edit of the student's line?").
 */
public final class EditDistance {

    /** The cost of putting item {@code j} of the second sequence where item {@code i} of the first stands. */
    @FunctionalInterface
    public interface SubstitutionCost {
        double of(int i, int j);
    }

    private EditDistance() {
    }

    /** Levenshtein distance: insertions, deletions and substitutions of characters, each costing 1. */
    public static int between(String a, String b) {
        return (int) weighted(a.length(), b.length(), (i, j) -> a.charAt(i) == b.charAt(j) ? 0 : 1);
    }

    /**
     * Distance between sequences of lengths {@code n} and {@code m}: insertions and deletions cost 1, a substitution
     * what {@code substitution} says (0 for equal items).
     */
    public static double weighted(int n, int m, SubstitutionCost substitution) {
        double[] previous = new double[m + 1];
        double[] current = new double[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            for (int j = 1; j <= m; j++) {
                double substituted = previous[j - 1] + substitution.of(i - 1, j - 1);
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), substituted);
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m];
    }
}
