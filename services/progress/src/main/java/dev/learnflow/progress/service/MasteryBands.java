package dev.learnflow.progress.service;

import dev.learnflow.contracts.domain.MasteryLevel;

/**
 * Lower bounds of the mastery levels over P(L). Mastered at 0.95 follows pyBKT's usual threshold; the bands are
 * configurable ({@code learnflow.progress.mastery.*}).
 */
public record MasteryBands(double developingFrom, double proficientFrom, double masteredFrom) {

    public static final MasteryBands DEFAULTS = new MasteryBands(MasteryLevel.DEVELOPING_FROM,
            MasteryLevel.PROFICIENT_FROM, MasteryLevel.MASTERED_FROM);

    public MasteryBands {
        if (!(0.0 < developingFrom && developingFrom < proficientFrom && proficientFrom < masteredFrom
                && masteredFrom <= 1.0)) {
            throw new IllegalArgumentException("mastery bands must rise within (0, 1]: " + developingFrom + ", "
                    + proficientFrom + ", " + masteredFrom);
        }
    }

    public MasteryLevel levelOf(double pKnown) {
        if (pKnown >= masteredFrom) {
            return MasteryLevel.MASTERED;
        }
        if (pKnown >= proficientFrom) {
            return MasteryLevel.PROFICIENT;
        }
        return pKnown >= developingFrom ? MasteryLevel.DEVELOPING : MasteryLevel.NOVICE;
    }
}
