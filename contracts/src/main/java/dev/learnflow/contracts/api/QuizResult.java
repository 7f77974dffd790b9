package dev.learnflow.contracts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Outcome of answering a quiz: now the correct option and the explanation may be shown. */
@Schema(description = "Outcome of answering a quiz")
public record QuizResult(
        UUID quizId,
        int selectedOption,
        boolean correct,
        int correctOption,
        String explanation) {
}
