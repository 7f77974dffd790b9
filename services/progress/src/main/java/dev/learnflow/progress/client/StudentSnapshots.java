package dev.learnflow.progress.client;

import dev.learnflow.platform.concurrent.DaemonThreads;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import dev.learnflow.progress.domain.StudentReadModel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each student's read model, the copy of their StudentActor's state the read routes are answered from, in the Dapr
 * state store through the sidecar (key {@code student-snapshot-<id>}). A write never replaces a newer revision:
 * it re-reads and writes conditionally (ETag), so deliveries written out of order never bring an older state back.
 */
@ApplicationScoped
public class StudentSnapshots {

    static final String KEY_PREFIX = "student-snapshot-";
    private static final Logger LOG = Logger.getLogger(StudentSnapshots.class);
    private static final int PARALLELISM = 8;

    private final StateStore<StudentReadModel> store;
    private final ExecutorService writers = Executors.newFixedThreadPool(PARALLELISM,
            DaemonThreads.named("progress-read-models"));

    @Inject
    public StudentSnapshots(StateStores stores) {
        this.store = stores.of(StudentReadModel.class, KEY_PREFIX);
    }

    public Optional<StudentReadModel> find(UUID userId) {
        return store.get(userId.toString());
    }

    /** Stores the model unless the stored one is as new or newer. */
    public void save(UUID userId, StudentReadModel model) {
        store.update(userId.toString(),
                current -> current.filter(c -> c.revision() >= model.revision()).orElse(model));
    }

    /** {@link #save}s these students' models, several at a time; answers the students whose model was not stored. */
    public Set<UUID> saveAll(Map<UUID, StudentReadModel> models) {
        Map<UUID, CompletableFuture<Void>> writes = new LinkedHashMap<>();
        models.forEach((student, model) -> writes.put(student,
                CompletableFuture.runAsync(() -> save(student, model), writers)));
        Set<UUID> failed = new HashSet<>();
        writes.forEach((student, write) -> {
            try {
                write.join();
            } catch (RuntimeException e) {
                LOG.warnf("Read model of %s not stored: %s", student, e.toString());
                failed.add(student);
            }
        });
        return failed;
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }
}
