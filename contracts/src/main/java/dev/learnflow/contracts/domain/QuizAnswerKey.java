package dev.learnflow.contracts.domain;

import java.util.UUID;

/**
 * The server-side half of a {@link Quiz}: never serialised to students before they answer.
 *
 * @param correctOption zero-based index into {@link Quiz#options()}
 */
public record QuizAnswerKey(UUID quizId, int correctOption, String explanation) {

    public boolean isCorrect(int selectedOption) {
        return selectedOption == correctOption;
    }
}
