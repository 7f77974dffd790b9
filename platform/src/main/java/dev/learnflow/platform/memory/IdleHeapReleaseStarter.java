package dev.learnflow.platform.memory;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ScheduledExecutorService;

/** Every service gives its heap back when it goes quiet after work ({@link IdleHeapRelease}), unless turned off. */
@ApplicationScoped
public class IdleHeapReleaseStarter {

    @ConfigProperty(name = "learnflow.memory.release-when-idle", defaultValue = "true")
    boolean enabled;

    private ScheduledExecutorService watcher;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            watcher = IdleHeapRelease.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
