package dev.learnflow.progress.client;

import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import dev.learnflow.progress.domain.StudentReadModel;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * Each student's read model, the copy of their StudentActor's state the read routes are answered from, in the Dapr
 * state store through the sidecar (key {@code student-snapshot-<id>}). The actor stores it in its recording turns
 * ({@link #store}: turns run one at a time, so each write is the newest); anyone else writes conditionally
 * ({@link #save}: re-read, ETag), so a copy taken outside a turn never brings an older state back.
 * <p>Created at start-up: it brings the Dapr client with it, whose construction (TLS and service-loader set-up)
 * took seconds on a busy machine when the first recording turns paid it, all of them waiting for the one bean.
 */
@Startup
@ApplicationScoped
public class StudentSnapshots {

    static final String KEY_PREFIX = "student-snapshot-";

    private final StateStore<StudentReadModel> store;

    @Inject
    public StudentSnapshots(StateStores stores) {
        this.store = stores.of(StudentReadModel.class, KEY_PREFIX);
    }

    public Optional<StudentReadModel> find(UUID userId) {
        return store.get(userId.toString());
    }

    /** The actor's own write, from its turn: last write wins, which is the newest revision. */
    public void store(UUID userId, StudentReadModel model) {
        store.save(userId.toString(), model);
    }

    /** Stores the model unless the stored one is as new or newer. */
    public void save(UUID userId, StudentReadModel model) {
        store.update(userId.toString(),
                current -> current.filter(c -> c.revision() >= model.revision()).orElse(model));
    }
}
