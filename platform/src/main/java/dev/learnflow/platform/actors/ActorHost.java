package dev.learnflow.platform.actors;

import io.dapr.actors.runtime.ActorRuntime;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app side of Dapr actors, once for every service: at startup it hands the Dapr SDK's {@link ActorRuntime} to
 * every {@link ActorRegistrar} bean and applies the actor settings from configuration. Services without actors
 * never touch the runtime (no gRPC channel is opened) and advertise no actor types.
 *
 * <p>Settings (all optional, Quarkus duration syntax such as {@code 1h}, {@code 30s} or {@code PT1H}):
 * {@code learnflow.actors.idle-timeout}, {@code learnflow.actors.scan-interval},
 * {@code learnflow.actors.drain-timeout}; unset means daprd's defaults (60 min, 30 s, 60 s).
 */
@ApplicationScoped
public class ActorHost {

    private static final Logger LOG = Logger.getLogger(ActorHost.class);

    private final Instance<ActorRegistrar> registrars;
    private final Optional<Duration> idleTimeout;
    private final Optional<Duration> scanInterval;
    private final Optional<Duration> drainTimeout;
    private volatile ActorRuntime runtime;

    @Inject
    public ActorHost(Instance<ActorRegistrar> registrars,
                     @ConfigProperty(name = "learnflow.actors.idle-timeout") Optional<Duration> idleTimeout,
                     @ConfigProperty(name = "learnflow.actors.scan-interval") Optional<Duration> scanInterval,
                     @ConfigProperty(name = "learnflow.actors.drain-timeout") Optional<Duration> drainTimeout) {
        this.registrars = registrars;
        this.idleTimeout = idleTimeout;
        this.scanInterval = scanInterval;
        this.drainTimeout = drainTimeout;
    }

    void onStart(@Observes StartupEvent event) {
        runtime();
    }

    /** The runtime, after registration; empty when the service hosts no actors. */
    public Optional<ActorRuntime> runtime() {
        ActorRuntime rt = runtime;
        return rt != null ? Optional.of(rt) : initialise();
    }

    private synchronized Optional<ActorRuntime> initialise() {
        if (runtime != null) {
            return Optional.of(runtime);
        }
        List<ActorRegistrar> all = new ArrayList<>();
        registrars.forEach(all::add);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        ActorRuntime rt = ActorRuntime.getInstance();
        idleTimeout.ifPresent(rt.getConfig()::setActorIdleTimeout);
        scanInterval.ifPresent(rt.getConfig()::setActorScanInterval);
        drainTimeout.ifPresent(rt.getConfig()::setDrainOngoingCallTimeout);
        for (ActorRegistrar r : all) {
            r.register(rt);
        }
        try {
            LOG.infof("Hosting Dapr actors: %s", new String(rt.serializeConfig(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("cannot render the actor configuration", e);
        }
        runtime = rt;
        return Optional.of(rt);
    }

    /** The {@code GET /dapr/config} document: the runtime's configuration, or no entities. */
    public byte[] configJson() throws IOException {
        Optional<ActorRuntime> rt = runtime();
        return rt.isPresent() ? rt.get().serializeConfig() : "{\"entities\":[]}".getBytes(StandardCharsets.UTF_8);
    }
}
