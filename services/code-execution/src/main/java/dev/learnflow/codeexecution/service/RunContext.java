package dev.learnflow.codeexecution.service;

import java.util.Optional;
import java.util.UUID;

/**
 * Who asked for a run: the student (from the gateway's identity headers, absent for service-internal runs such
 * as checking a generated exercise) and the calling app (Dapr's {@code dapr-caller-app-id}), for the event.
 */
public record RunContext(Optional<UUID> userId, Optional<String> callerApp) {

    public static RunContext anonymous() {
        return new RunContext(Optional.empty(), Optional.empty());
    }
}
