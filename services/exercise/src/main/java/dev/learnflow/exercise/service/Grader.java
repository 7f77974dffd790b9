package dev.learnflow.exercise.service;

import dev.learnflow.exercise.domain.AttemptHistory;
import dev.learnflow.exercise.domain.StoredExercise;

import dev.learnflow.contracts.api.GradeResult;
import dev.learnflow.contracts.api.RunTestsResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.domain.TestCaseResult;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.exercise.config.ExerciseConfig;
import dev.learnflow.exercise.mapping.ProgressEvents;
import dev.learnflow.platform.clients.CodeExecutionClient;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.platform.state.StateConflictException;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Auto-grading: runs a submission against all of an exercise's tests in the sandbox, credits it, records the
 * attempt and reports it on progress.events; a failed attempt's grade carries the debug agent's level-1 hint when
 * it comes in time. A submission the sandbox could not grade (down, busy, its own
 * error) is answered 503 and does not use up an attempt; running out of time or memory is the code's fault and
 * does.
 */
@ApplicationScoped
public class Grader {

    private static final Logger LOG = Logger.getLogger(Grader.class);
    private static final int SAVE_TRIES = 5;

    private final ExerciseCatalog catalog;
    private final CodeExecutionClient sandbox;
    private final StateStore<AttemptHistory> attempts;
    private final AttemptOutbox outbox;
    private final CreditPolicy credit;
    private final SubmissionFeedback feedback;
    private final ExerciseConfig config;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public Grader(ExerciseCatalog catalog, CodeExecutionClient sandbox, StateStores stateStores, AttemptOutbox outbox,
                  SubmissionFeedback feedback, ExerciseConfig config) {
        this.catalog = catalog;
        this.feedback = feedback;
        this.sandbox = sandbox;
        this.attempts = stateStores.of(AttemptHistory.class, AttemptHistory.KEY_PREFIX);
        this.outbox = outbox;
        this.config = config;
        this.credit = new CreditPolicy(config.grading().attemptPenalty(), config.grading().minimumCredit());
    }

    public GradeResult grade(UUID exerciseId, UUID student, boolean staff, String code) {
        long started = System.nanoTime();
        StoredExercise exercise = catalog.require(exerciseId, student, staff);
        StateStore.Versioned<AttemptHistory> before = attempts.read(AttemptHistory.key(student, exerciseId));
        requireAttemptLeft(exercise, before.valueOr(AttemptHistory.empty())); // before spending sandbox time
        if (!before.valueOr(AttemptHistory.empty()).pendingEvents().isEmpty()) {
            outbox.flush(student, exerciseId); // older events first, so progress sees attempts in order
        }

        RunTestsResponse run = runTests(exercise, code);
        List<TestCaseResult> results = run.results();
        int total = results.size();
        int passedCount = (int) run.passedCount();
        boolean passed = passedCount == total;
        String errorType = results.stream().map(ResultMasking::errorType).flatMap(Optional::stream).findFirst()
                .orElse(null);
        String failure = results.stream().filter(r -> !r.passed()).map(TestCaseResult::status)
                .filter(s -> s != null && s != ExecutionStatus.OK).map(ExecutionStatus::value).findFirst()
                .orElse(passed ? null : "wrong_result");
        long durationMs = results.stream().mapToLong(TestCaseResult::wallTimeMs).sum();

        for (int i = 0; i < SAVE_TRIES; i++) {
            StateStore.Versioned<AttemptHistory> current = attempts.read(AttemptHistory.key(student, exerciseId));
            requireAttemptLeft(exercise, current.valueOr(AttemptHistory.empty()));
            int number = current.valueOr(AttemptHistory.empty()).attempts() + 1;
            double score = credit.score(passedCount, total, number);
            Instant now = clock.instant();
            ProgressRecorded event = ProgressEvents.graded(student, exercise, number, passed, score, passedCount,
                    total, errorType, failure, durationMs, now);
            AttemptHistory next = current.valueOr(AttemptHistory.empty()).with(
                    new AttemptHistory.Attempt(number, now, score, passed, passedCount, total, errorType,
                            AttemptHistory.Attempt.fingerprint(code)),
                    new AttemptHistory.PendingEvent(UUID.randomUUID().toString(), event));
            try {
                attempts.saveIfUnchanged(AttemptHistory.key(student, exerciseId), next, current.etag());
            } catch (StateConflictException e) {
                LOG.debugf("Attempt of %s on %s raced with another; retrying", student, exerciseId);
                continue;
            }
            outbox.flush(student, exerciseId);
            Integer left = exercise.maxAttempts() == null ? null : Math.max(0, exercise.maxAttempts() - number);
            GradeResult grade = new GradeResult(exerciseId, number, passed, score,
                    results.stream().map(ResultMasking::forStudent).toList(), left);
            // The attempt is recorded: a hint that does not come (debug down or slow) loses nothing.
            return passed ? grade : feedback.forGrade(exercise, code, started).map(grade::withFeedback).orElse(grade);
        }
        throw ApiException.conflict("Too many simultaneous submissions for this exercise; try again");
    }

    private RunTestsResponse runTests(StoredExercise exercise, String code) {
        RunTestsResponse run;
        try {
            run = sandbox.runTests(exercise.testRun(code), config.sandboxCallTimeout());
        } catch (CodeExecutionClient.Unavailable e) {
            LOG.warnf("Grading of %s not possible now: %s", exercise.id(), e.getMessage());
            throw new ApiException(503, "sandbox-unavailable", "Grading unavailable",
                    "Your code could not be graded right now" + (e.busy() ? " (the sandbox is busy)" : "")
                            + "; this did not use up an attempt. Please try again in a moment.");
        } catch (CodeExecutionClient.Refused e) {
            throw refused(exercise, e);
        }
        if (run.results().stream().anyMatch(r -> r.status() == ExecutionStatus.SANDBOX_ERROR)) {
            throw new ApiException(503, "sandbox-unavailable", "Grading unavailable",
                    "The sandbox failed while grading (not a problem with your code); this did not use up an "
                            + "attempt. Please try again.");
        }
        return run;
    }

    /**
     * The sandbox refused the run. A 400 means the exercise's own test cases are malformed (our fault: 500); any
     * other 4xx is about the submission (413: code too large, 422: code it will not run) and is the student's to
     * fix, so it is answered as a 4xx problem. Either way no attempt is used.
     */
    private static ApiException refused(StoredExercise exercise, CodeExecutionClient.Refused e) {
        if (e.status() == 400) {
            LOG.errorf("Exercise %s has test cases the sandbox rejects: %s", exercise.id(), e.getMessage());
            return new ApiException(500, "exercise-broken", "Exercise cannot be graded",
                    "This exercise's tests are broken; it has been reported. No attempt was used.");
        }
        LOG.infof("Sandbox refused a submission to %s: %s", exercise.id(), e.getMessage());
        if (e.status() == 413) {
            return new ApiException(413, "code-too-large", "Code too large",
                    "Your code is too large for the sandbox to run; make it shorter. No attempt was used.");
        }
        return new ApiException(422, "code-not-runnable", "Code cannot be run",
                "The sandbox refused to run this code (status " + e.status() + "); check it and try again. No "
                        + "attempt was used.");
    }

    private static void requireAttemptLeft(StoredExercise exercise, AttemptHistory history) {
        if (exercise.maxAttempts() != null && history.attempts() >= exercise.maxAttempts()) {
            throw new ApiException(409, "no-attempts-left", "No attempts left",
                    "You have used all " + exercise.maxAttempts() + " attempts for this exercise.");
        }
    }
}
