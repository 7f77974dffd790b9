package dev.learnflow.codeexecution;

import dev.learnflow.codeexecution.service.ProgressEventSink;
import dev.learnflow.contracts.events.ProgressRecorded;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double for the event publishing ONLY (there is no sidecar in these tests), to assert what the service
 * would publish. Everything else, the sandbox above all, is real.
 */
@Mock
@Singleton
public class RecordingProgressSink implements ProgressEventSink {

    public static final List<ProgressRecorded> PUBLISHED = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<?> publish(ProgressRecorded event) {
        PUBLISHED.add(event);
        return CompletableFuture.completedFuture(event);
    }
}
