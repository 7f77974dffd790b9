package dev.learnflow.exercise.service;

import dev.learnflow.exercise.domain.ChallengeTemplate;
import dev.learnflow.exercise.domain.ExerciseTest;
import dev.learnflow.exercise.domain.StoredExercise;

import dev.learnflow.contracts.api.RunTestsResponse;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.Exercise;
import dev.learnflow.contracts.domain.ExerciseSource;
import dev.learnflow.contracts.domain.TestVisibility;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ExerciseGenerated;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.exercise.client.ExerciseRepository;
import dev.learnflow.exercise.client.LlmChallengeWriter;
import dev.learnflow.exercise.client.TemplateCatalog;
import dev.learnflow.exercise.config.ExerciseConfig;
import dev.learnflow.platform.clients.CodeExecutionClient;
import dev.learnflow.platform.clients.ProgressContextClient;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.platform.guard.AnswerPolicy;
import dev.learnflow.platform.guard.GuardContext;
import dev.learnflow.platform.guard.GuardedAnswer;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Makes a new exercise for a student on a topic, pitched at their mastery: an LLM-written challenge when an LLM
 * is configured and its reference solution passes all its tests in the sandbox, otherwise an instance of one of
 * the repository's templates (preferring one the student has not had yet). Stored for that student and announced
 * on exercise.generated.
 */
@ApplicationScoped
public class ChallengeGenerator {

    private static final Logger LOG = Logger.getLogger(ChallengeGenerator.class);
    static final int DEFAULT_TIME_LIMIT_MS = 2_000;
    static final int DEFAULT_MEMORY_LIMIT_MB = 128;
    private static final int PUBLISH_TRIES = 3;
    /** The model is asked for at most 800 characters; a statement far longer is a runaway reply. */
    static final int PROMPT_MAX = 2_000;

    @Inject
    ExerciseCatalog catalog;
    @Inject
    ExerciseRepository repository;
    @Inject
    TemplateCatalog templates;
    @Inject
    LlmChallengeWriter llm;
    @Inject
    CodeExecutionClient sandbox;
    @Inject
    ProgressContextClient progress;
    @Inject
    EventBus events;
    @Inject
    ExerciseConfig config;
    private final Random random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public Exercise generate(UUID student, String topicId, Difficulty requested) {
        ExerciseRepository.TopicInfo topic = catalog.requireTopic(topicId);
        Difficulty difficulty = requested != null ? requested
                : DifficultyPolicy.forMastery(mastery(student, topicId), topic.difficulty());
        StoredExercise exercise = fromLlm(student, topic, difficulty)
                .orElseGet(() -> fromTemplate(student, topic, difficulty));
        try {
            repository.insert(exercise);
        } catch (RuntimeException e) {
            if (causedBy(e, "23503")) {
                throw ApiException.notFound("Student " + student);
            }
            throw e;
        }
        announce(exercise, student);
        LOG.infof("Generated %s exercise %s (%s) on %s for %s", exercise.source(), exercise.id(),
                exercise.difficulty(), topicId, student);
        return exercise.studentView();
    }

    Optional<StoredExercise> fromLlm(UUID student, ExerciseRepository.TopicInfo topic, Difficulty difficulty) {
        if (!llm.enabled()) {
            return Optional.empty();
        }
        for (int i = 0; i < config.llm().attempts(); i++) {
            Optional<StoredExercise> candidate = llm.write(topic, difficulty)
                    .flatMap(draft -> acceptable(draft, topic, difficulty, student))
                    .filter(ChallengeGenerator::passesGuard);
            if (candidate.isPresent() && referencePasses(candidate.get())) {
                return candidate;
            }
        }
        LOG.infof("No LLM challenge for %s passed its own tests; using a template", topic.id());
        return Optional.empty();
    }

    /** Shape checks before spending sandbox time on a draft. */
    static Optional<StoredExercise> acceptable(LlmChallengeWriter.Draft d, ExerciseRepository.TopicInfo topic,
                                              Difficulty difficulty, UUID student) {
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200 || d.prompt() == null
                || d.prompt().isBlank() || d.prompt().length() > PROMPT_MAX
                || d.referenceSolution() == null || d.referenceSolution().isBlank()
                || d.referenceSolution().length() > Limits.CODE_MAX || d.tests() == null || d.tests().size() < 3
                || d.tests().size() > Limits.TESTS_MAX) {
            return Optional.empty();
        }
        if (!d.tests().stream().allMatch(ExerciseTest::wellFormed)
                || d.tests().stream().noneMatch(t -> t.visibility() == TestVisibility.SHOWN)
                || d.tests().stream().noneMatch(t -> t.visibility() != TestVisibility.SHOWN)) {
            return Optional.empty();
        }
        return Optional.of(new StoredExercise(UUID.randomUUID(), topic.id(), d.title().strip(), difficulty,
                d.prompt().strip(), d.starterCode() == null ? "" : d.starterCode(), d.referenceSolution(), d.tests(),
                DEFAULT_TIME_LIMIT_MS, DEFAULT_MEMORY_LIMIT_MB, null, ExerciseSource.LLM, student));
    }

    /**
     * The student reads the title and the task statement: both pass the output guard as an explanation (example
     * code allowed) that must not carry the exercise's own solution, nor markup, copy instructions or a flood of
     * text. A generated exercise's parts belong together, so a part that fails rejects the whole draft and the
     * offline path (a template) answers instead.
     */
    static boolean passesGuard(StoredExercise candidate) {
        GuardedAnswer answer = GuardedAnswer.with(new GuardContext(AnswerPolicy.EXPLANATION, null,
                candidate.referenceSolution()));
        answer.part("title", candidate.title(), null);
        answer.part("prompt", candidate.prompt(), null);
        if (!answer.source().equals(GuardedAnswer.LLM)) {
            LOG.infof("LLM challenge on %s refused by the output guard: %s", candidate.topicId(), answer.replaced());
            return false;
        }
        return true;
    }

    /**
     * P(known) of the topic from progress; empty when unknown or progress cannot answer now (best effort: the
     * exercise is then pitched at the topic's own difficulty).
     */
    private OptionalDouble mastery(UUID student, String topicId) {
        return progress.context(student, config.progressTimeout())
                .map(context -> context.mastery().get(topicId))
                .filter(p -> p >= 0 && p <= 1)
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    /** The acceptance gate: the reference solution must pass every one of the exercise's own tests. */
    public boolean referencePasses(StoredExercise exercise) {
        try {
            RunTestsResponse run = sandbox.runTests(exercise.testRun(exercise.referenceSolution()),
                    config.sandboxCallTimeout());
            return run.passedCount() == exercise.tests().size();
        } catch (CodeExecutionClient.Unavailable | CodeExecutionClient.Refused e) {
            LOG.infof("Could not verify a generated challenge: %s", e.getMessage());
            return false;
        }
    }

    StoredExercise fromTemplate(UUID student, ExerciseRepository.TopicInfo topic, Difficulty difficulty) {
        List<ChallengeTemplate> candidates = templates.forTopic(topic.id());
        if (candidates.isEmpty()) {
            throw new ApiException(404, "no-template", "No exercise available",
                    "No exercise can be generated for topic '" + topic.id() + "' yet");
        }
        int closest = candidates.stream().mapToInt(t -> distance(t.difficulty(), difficulty)).min().orElseThrow();
        Set<String> alreadyHad = repository.generatedTitles(student, topic.id());
        List<ChallengeTemplate.Instance> fresh = new ArrayList<>();
        List<ChallengeTemplate.Instance> all = new ArrayList<>();
        List<ChallengeTemplate> pitched = candidates.stream()
                .filter(t -> distance(t.difficulty(), difficulty) == closest)
                .sorted(Comparator.comparing(ChallengeTemplate::id)).toList();
        for (ChallengeTemplate t : pitched) {
            for (int v = 0; v < t.variants().size(); v++) {
                ChallengeTemplate.Instance instance = t.instantiate(v);
                all.add(instance);
                if (!alreadyHad.contains(instance.title())) {
                    fresh.add(instance);
                }
            }
        }
        List<ChallengeTemplate.Instance> pool = fresh.isEmpty() ? all : fresh;
        ChallengeTemplate.Instance chosen = pool.get(random.nextInt(pool.size()));
        ChallengeTemplate template = pitched.stream().filter(t -> t.id().equals(chosen.templateId())).findFirst()
                .orElseThrow();
        return new StoredExercise(UUID.randomUUID(), topic.id(), chosen.title(), template.difficulty(),
                chosen.prompt(), chosen.starterCode() == null ? "" : chosen.starterCode(), chosen.referenceSolution(),
                chosen.tests(), template.timeLimitMs() == null ? DEFAULT_TIME_LIMIT_MS : template.timeLimitMs(),
                template.memoryLimitMb() == null ? DEFAULT_MEMORY_LIMIT_MB : template.memoryLimitMb(),
                template.maxAttempts(), ExerciseSource.TEMPLATE, student);
    }

    private static int distance(Difficulty a, Difficulty b) {
        return Math.abs(a.ordinal() - b.ordinal());
    }

    /** exercise.generated is a notification: published off the request thread, retried a few times. */
    private void announce(StoredExercise e, UUID student) {
        ExerciseGenerated payload = new ExerciseGenerated(null, student, e.id(), e.topicId(), e.title(),
                e.difficulty(), e.source(), clock.instant());
        publish(payload, 1);
    }

    private void publish(ExerciseGenerated payload, int attempt) {
        events.publishAsync(EventTopic.EXERCISE_GENERATED, payload).whenComplete((sent, failure) -> {
            if (failure == null) {
                return;
            }
            if (attempt >= PUBLISH_TRIES) {
                LOG.errorf("exercise.generated for %s could not be published: %s", payload.exerciseId(),
                        failure.toString());
                return;
            }
            CompletableFuture.delayedExecutor(attempt * 2L, TimeUnit.SECONDS)
                    .execute(() -> publish(payload, attempt + 1));
        });
    }

    private static boolean causedBy(Throwable e, String sqlState) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && sqlState.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
