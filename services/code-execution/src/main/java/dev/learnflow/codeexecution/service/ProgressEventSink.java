package dev.learnflow.codeexecution.service;

import dev.learnflow.contracts.events.ProgressRecorded;

import java.util.concurrent.CompletionStage;

/** Where progress events go: in production the platform's EventBus (through the Dapr sidecar). */
public interface ProgressEventSink {

    /** Starts publishing; completes when the sidecar acknowledged, or exceptionally. */
    CompletionStage<?> publish(ProgressRecorded event);
}
