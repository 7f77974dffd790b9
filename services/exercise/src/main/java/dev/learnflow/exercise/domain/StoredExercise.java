package dev.learnflow.exercise.domain;

import dev.learnflow.contracts.api.RunTestsRequest;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.Exercise;
import dev.learnflow.contracts.domain.ExerciseSource;
import dev.learnflow.contracts.domain.TestVisibility;
import dev.learnflow.contracts.validation.Limits;

import java.util.List;
import java.util.UUID;

/**
 * An exercise with everything the service knows (hidden tests, reference solution). Never returned as is: the
 * student's view is {@link #studentView()}.
 *
 * @param generatedFor the student it was generated for; null for shared (seed) exercises
 */
public record StoredExercise(
        UUID id,
        String topicId,
        String title,
        Difficulty difficulty,
        String prompt,
        String starterCode,
        String referenceSolution,
        List<ExerciseTest> tests,
        int timeLimitMs,
        int memoryLimitMb,
        Integer maxAttempts,
        ExerciseSource source,
        UUID generatedFor) {

    public StoredExercise {
        tests = List.copyOf(tests);
    }

    /** Only the shown tests travel to the student. */
    public Exercise studentView() {
        return new Exercise(id, topicId, title, difficulty, prompt, starterCode,
                tests.stream().filter(t -> t.visibility() == TestVisibility.SHOWN).map(ExerciseTest::toRunnable)
                        .toList(),
                timeLimitMs, memoryLimitMb, maxAttempts, source);
    }

    public boolean visibleTo(UUID student, boolean staff) {
        return generatedFor == null || generatedFor.equals(student) || staff;
    }

    /** A run of {@code code} against all of this exercise's tests, within the sandbox's limits. */
    public RunTestsRequest testRun(String code) {
        return new RunTestsRequest(code, tests().stream().map(ExerciseTest::toRunnable).toList(),
                clamp(timeLimitMs(), Limits.RUN_TIMEOUT_MIN_MS, Limits.RUN_TIMEOUT_MAX_MS),
                clamp(memoryLimitMb(), Limits.MEMORY_MIN_MB, Limits.MEMORY_MAX_MB));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
