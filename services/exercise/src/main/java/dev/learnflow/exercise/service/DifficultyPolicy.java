package dev.learnflow.exercise.service;

import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.MasteryLevel;

import java.util.OptionalDouble;

/**
 * Pitches an exercise at the student's mastery of the topic, using the same bands as progress: below
 * "developing" beginner, below "proficient" intermediate, above that advanced. Without a mastery estimate the
 * topic's own difficulty is used.
 */
public final class DifficultyPolicy {

    private DifficultyPolicy() {
    }

    public static Difficulty forMastery(OptionalDouble pKnown, Difficulty topicDifficulty) {
        if (pKnown.isEmpty()) {
            return topicDifficulty;
        }
        double p = pKnown.getAsDouble();
        if (p < MasteryLevel.DEVELOPING_FROM) {
            return Difficulty.BEGINNER;
        }
        return p < MasteryLevel.PROFICIENT_FROM ? Difficulty.INTERMEDIATE : Difficulty.ADVANCED;
    }
}
