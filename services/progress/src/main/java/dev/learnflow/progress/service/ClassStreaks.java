package dev.learnflow.progress.service;

import dev.learnflow.contracts.api.StreakView;
import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.platform.concurrent.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads the streaks of a class's students ({@link StudentReads}), several at a time, for the class views.
 * One student whose streak cannot be read leaves a gap (null) rather than hiding the whole class.
 */
@ApplicationScoped
public class ClassStreaks {

    private static final Logger LOG = Logger.getLogger(ClassStreaks.class);
    private static final int PARALLELISM = 8;

    @Inject
    StudentReads reads;
    private final ExecutorService readers = Executors.newFixedThreadPool(PARALLELISM,
            DaemonThreads.named("progress-class-streaks"));

    /**
     * Starts reading every student's streak and returns the lookup that waits for one (null if it could not be read);
     * the caller does its own queries meanwhile. {@code view} names the caller's view in the log.
     */
    public Function<UUID, StreakView> start(List<UserFacts> students, String view) {
        Map<UUID, CompletableFuture<StreakView>> streaks = new HashMap<>();
        for (UserFacts s : students) {
            streaks.put(s.id(), CompletableFuture.supplyAsync(() -> reads.snapshot(s.id()).streak(), readers));
        }
        return studentId -> await(studentId, streaks.get(studentId), view);
    }

    private static StreakView await(UUID studentId, CompletableFuture<StreakView> streak, String view) {
        try {
            return streak.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("Streak of %s unavailable for the %s view: %s", studentId, view, e.toString());
            return null;
        }
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}
