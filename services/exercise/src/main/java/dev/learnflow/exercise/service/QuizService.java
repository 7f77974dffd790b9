package dev.learnflow.exercise.service;

import dev.learnflow.contracts.api.QuizResult;
import dev.learnflow.contracts.domain.Quiz;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.exercise.client.QuizRepository;
import dev.learnflow.exercise.mapping.ProgressEvents;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Multiple-choice quizzes: listed without their answers, graded on answer and reported on progress.events
 * (verb answered). The answer is only returned once its event is published, so a failed publish (503) can simply
 * be retried by the client and nothing is lost.
 */
@ApplicationScoped
public class QuizService {

    private static final Logger LOG = Logger.getLogger(QuizService.class);

    private final QuizRepository quizzes;
    private final ExerciseCatalog catalog;
    private final EventBus events;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public QuizService(QuizRepository quizzes, ExerciseCatalog catalog, EventBus events) {
        this.quizzes = quizzes;
        this.catalog = catalog;
        this.events = events;
    }

    public List<Quiz> forTopic(String topicId) {
        catalog.requireTopic(topicId);
        return quizzes.byTopic(topicId);
    }

    public QuizResult answer(UUID quizId, UUID student, int selected) {
        QuizRepository.StoredQuiz stored = quizzes.find(quizId)
                .orElseThrow(() -> ApiException.notFound("Quiz " + quizId));
        if (selected >= stored.quiz().options().size()) {
            throw ApiException.badRequest("selectedOption must be between 0 and "
                    + (stored.quiz().options().size() - 1) + " for this quiz");
        }
        try {
            events.publish(EventTopic.PROGRESS_EVENTS,
                    ProgressEvents.answered(student, stored.quiz(), stored.key(), selected, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warnf("Quiz answer of %s not recorded: %s", student, e.toString());
            throw ApiException.unavailable("Your answer could not be recorded right now; please send it again");
        }
        return new QuizResult(quizId, selected, stored.key().isCorrect(selected), stored.key().correctOption(),
                stored.key().explanation());
    }
}
