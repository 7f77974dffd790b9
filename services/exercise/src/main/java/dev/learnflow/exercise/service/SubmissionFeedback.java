package dev.learnflow.exercise.service;

import dev.learnflow.contracts.api.DiagnosisRequest;
import dev.learnflow.contracts.api.ProgramFeedback;
import dev.learnflow.exercise.client.DebugFeedbackClient;
import dev.learnflow.exercise.config.ExerciseConfig;
import dev.learnflow.exercise.domain.AttemptHistory;
import dev.learnflow.exercise.domain.StoredExercise;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Hints on a failed submission, from the debug agent (the diagnosis is debug's, never repeated here): level 1 comes
 * with the grade when the agent answers in time; the student asks for levels 2 and 3 on the same code afterwards.
 * Hidden tests go to the agent marked hidden, and only their category comes back.
 */
@ApplicationScoped
public class SubmissionFeedback {

    private static final Logger LOG = Logger.getLogger(SubmissionFeedback.class);
    /** Less than this left of the grade's deadline: not worth starting a diagnosis. */
    private static final Duration TOO_LITTLE = Duration.ofMillis(1_500);

    private final DebugFeedbackClient debug;
    private final ExerciseCatalog catalog;
    private final StateStore<AttemptHistory> attempts;
    private final ExerciseConfig.Feedback config;

    public SubmissionFeedback(DebugFeedbackClient debug, ExerciseCatalog catalog, StateStores stateStores,
                              ExerciseConfig config) {
        this.debug = debug;
        this.catalog = catalog;
        this.attempts = stateStores.of(AttemptHistory.class, AttemptHistory.KEY_PREFIX);
        this.config = config.feedback();
    }

    /**
     * The level-1 hint for a grade, best effort: empty when the agent is down, slow, cannot diagnose the program or
     * the grade's deadline (counted from {@code gradingStarted}, a {@link System#nanoTime()}) is too close.
     */
    public Optional<ProgramFeedback> forGrade(StoredExercise exercise, String code, long gradingStarted) {
        Duration left = config.deadline().minusNanos(System.nanoTime() - gradingStarted);
        Duration timeout = left.compareTo(config.timeout()) < 0 ? left : config.timeout();
        if (timeout.compareTo(TOO_LITTLE) < 0) {
            LOG.infof("No hint for a submission to %s: grading left %d ms", exercise.id(), timeout.toMillis());
            return Optional.empty();
        }
        try {
            return Optional.of(debug.feedback(request(exercise, code, 1), timeout));
        } catch (DebugFeedbackClient.NoFeedback e) {
            LOG.infof("Grade of a submission to %s goes without a hint: %s", exercise.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Hints 1..level on code this student submitted and failed with (one of the recent attempts). */
    public ProgramFeedback moreHints(UUID exerciseId, UUID student, boolean staff, String code, int level) {
        StoredExercise exercise = catalog.require(exerciseId, student, staff);
        AttemptHistory history = attempts.read(AttemptHistory.key(student, exerciseId)).valueOr(AttemptHistory.empty());
        Optional<AttemptHistory.Attempt> graded = history.gradedWith(code);
        if (graded.isEmpty()) {
            throw new ApiException(409, "not-graded", "Submit this code first",
                    "Hints are about a graded submission: submit this code for grading, then ask for more hints.");
        }
        if (graded.get().passed()) {
            throw new ApiException(409, "already-passed", "Nothing to hint at",
                    "This code passed every test; there is nothing left to hint at.");
        }
        try {
            return debug.feedback(request(exercise, code, level), config.timeout());
        } catch (DebugFeedbackClient.NoFeedback e) {
            LOG.warnf("No hints for %s on %s: %s", student, exerciseId, e.getMessage());
            if (e.lasting()) {
                throw new ApiException(422, "no-hints", "No hints for this code",
                        "No hints could be worked out for this code; check the per-test results instead.");
            }
            throw new ApiException(503, "hints-unavailable", "Hints unavailable",
                    "The tutor could not look at your code right now; please ask again in a moment.");
        }
    }

    private static DiagnosisRequest request(StoredExercise exercise, String code, int level) {
        return new DiagnosisRequest(code, exercise.testRun(code).tests(), level);
    }
}
