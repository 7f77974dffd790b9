package dev.learnflow.progress.service;

/**
 * Standard Bayesian Knowledge Tracing (Corbett and Anderson 1995, as in pyBKT and OATutor), no forgetting:
 * condition P(L) on the observed answer, then apply the learning transition.
 */
public final class Bkt {

    private Bkt() {
    }

    /** P(L) after one graded attempt. */
    public static double update(double pKnown, boolean correct, BktParameters p) {
        double known;
        double unknown;
        if (correct) {
            known = pKnown * (1 - p.pSlip());
            unknown = (1 - pKnown) * p.pGuess();
        } else {
            known = pKnown * p.pSlip();
            unknown = (1 - pKnown) * (1 - p.pGuess());
        }
        double evidence = known + unknown;
        // Zero evidence means the model calls this answer impossible; learn nothing from it instead of dividing by 0.
        double posterior = evidence == 0.0 ? pKnown : known / evidence;
        double next = posterior + (1 - posterior) * p.pLearn();
        return Math.max(0.0, Math.min(1.0, next));
    }
}
