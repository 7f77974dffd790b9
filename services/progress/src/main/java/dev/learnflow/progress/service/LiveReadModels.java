package dev.learnflow.progress.service;

import dev.learnflow.progress.domain.StudentReadModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read models of the students whose StudentActor is active in this process, as their last recording turn left
 * them: a read of such a student is answered from memory instead of a state store round trip. The actor puts its
 * copy at the end of each recording turn (after the stored copy, before the turn returns, so a read after an event
 * was applied sees it) and drops it when it deactivates; a student not here is read from storage as before.
 */
@ApplicationScoped
public class LiveReadModels {

    private final ConcurrentHashMap<UUID, StudentReadModel> models = new ConcurrentHashMap<>();

    public Optional<StudentReadModel> find(UUID studentId) {
        return Optional.ofNullable(models.get(studentId));
    }

    /** Keeps the newer revision: a copy never replaces a newer one. */
    public void put(UUID studentId, StudentReadModel model) {
        models.merge(studentId, model, (held, offered) -> offered.revision() >= held.revision() ? offered : held);
    }

    /** The actor deactivated: its state may change elsewhere from now on, so reads go to storage again. */
    public void drop(UUID studentId) {
        models.remove(studentId);
    }
}
