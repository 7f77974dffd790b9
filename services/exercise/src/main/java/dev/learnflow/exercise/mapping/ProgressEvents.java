package dev.learnflow.exercise.mapping;

import dev.learnflow.contracts.domain.QuizAnswerKey;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.contracts.domain.Quiz;
import dev.learnflow.exercise.domain.StoredExercise;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The progress.events this service publishes, xAPI-shaped, so progress can update mastery. */
public final class ProgressEvents {

    private ProgressEvents() {
    }

    /** A graded attempt: verb passed (every test passed) or failed, with the credited score. */
    public static ProgressRecorded graded(UUID student, StoredExercise exercise, int attempt, boolean passed,
                                          double score, int testsPassed, int testsTotal, String errorType,
                                          String failure, long durationMs, Instant at) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("attempt", attempt);
        context.put("testsPassed", testsPassed);
        context.put("testsTotal", testsTotal);
        context.put("difficulty", exercise.difficulty().value());
        context.put("source", exercise.source().value());
        if (failure != null) {
            context.put("failure", failure);
        }
        if (exercise.maxAttempts() != null) {
            context.put("maxAttempts", exercise.maxAttempts());
        }
        return new ProgressRecorded(null, student, passed ? Verb.PASSED : Verb.FAILED,
                new ActivityObject(ActivityType.EXERCISE, exercise.id().toString(), exercise.topicId()),
                new ActivityResult(passed, score, errorType, Math.max(0, durationMs), null), context, at);
    }

    /** A quiz answer: verb answered, success = correct. */
    public static ProgressRecorded answered(UUID student, Quiz quiz, QuizAnswerKey key, int selected, Instant at) {
        boolean correct = key.isCorrect(selected);
        return new ProgressRecorded(null, student, Verb.ANSWERED,
                new ActivityObject(ActivityType.QUIZ, quiz.id().toString(), quiz.topicId()),
                new ActivityResult(correct, correct ? 1.0 : 0.0, null, null, Integer.toString(selected)),
                Map.of("difficulty", quiz.difficulty().value(), "options", quiz.options().size()), at);
    }
}
