package dev.learnflow.exercise.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of the exercise service ({@code learnflow.exercise.*} or {@code LEARNFLOW_EXERCISE_*}). */
@ConfigMapping(prefix = "learnflow.exercise")
public interface ExerciseConfig {

    /** How long a grading call may wait for the sandbox (queue plus every test case). */
    @WithDefault("30s")
    Duration sandboxCallTimeout();

    /** How long generation waits for the student's mastery before it falls back to the topic's difficulty. */
    @WithDefault("2s")
    Duration progressTimeout();

    Grading grading();

    Feedback feedback();

    Llm llm();

    interface Grading {

        /**
         * Credit lost per attempt after the first, as a fraction (0.1 = the second attempt earns at most 90 %).
         * 0 disables the penalty.
         */
        @WithDefault("0.0")
        double attemptPenalty();

        /** The penalty never takes the credit factor below this. */
        @WithDefault("0.5")
        double minimumCredit();

        /** How often attempt results that could not be published yet are retried. */
        @WithDefault("30s")
        Duration outboxRetry();
    }

    /** The debug agent's hints on failed submissions. */
    interface Feedback {

        /** How long one call to the debug agent may take (it runs the program's cases in the sandbox). */
        @WithDefault("8s")
        Duration timeout();

        /**
         * A grade is answered within this time from the submission's arrival, hint or not: the hint gets what the
         * grading left of it (the gateway gives the submission route 12 s).
         */
        @WithDefault("10s")
        Duration deadline();

        /**
         * After a failed call, debug is not asked again for this long: longer than the caller sidecar's retry
         * back-offs (about 0.5, 0.75 and 1.1 s), so retries of our 503 answer at once; shorter than debug's restart.
         */
        @WithDefault("3s")
        Duration pauseAfterFailure();
    }

    interface Llm {

        /** LLM challenges generated per request before falling back to a template. */
        @WithDefault("2")
        int attempts();
    }
}
