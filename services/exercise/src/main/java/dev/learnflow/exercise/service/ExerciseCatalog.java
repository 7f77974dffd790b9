package dev.learnflow.exercise.service;

import dev.learnflow.exercise.domain.StoredExercise;

import dev.learnflow.contracts.domain.Exercise;
import dev.learnflow.exercise.client.ExerciseRepository;
import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading exercises with their visibility rules: shared exercises are everyone's; a generated one belongs to its
 * student (and their teachers). Someone else's generated exercise is "not found", not "forbidden", so ids of
 * other students' exercises reveal nothing.
 */
@ApplicationScoped
public class ExerciseCatalog {

    private final ExerciseRepository repository;

    @Inject
    public ExerciseCatalog(ExerciseRepository repository) {
        this.repository = repository;
    }

    public List<Exercise> list(Optional<String> topicId, UUID student) {
        topicId.ifPresent(this::requireTopic);
        return repository.listFor(topicId, student).stream().map(StoredExercise::studentView).toList();
    }

    public StoredExercise require(UUID id, UUID caller, boolean staff) {
        return repository.find(id).filter(e -> e.visibleTo(caller, staff))
                .orElseThrow(() -> ApiException.notFound("Exercise " + id));
    }

    public ExerciseRepository.TopicInfo requireTopic(String topicId) {
        return repository.topic(topicId).orElseThrow(() -> ApiException.notFound("Topic '" + topicId + "'"));
    }
}
