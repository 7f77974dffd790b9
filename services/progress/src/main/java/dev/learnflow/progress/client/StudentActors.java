package dev.learnflow.progress.client;

import dev.learnflow.platform.dapr.JacksonDaprSerializer;

import dev.learnflow.progress.actor.StudentActor;
import dev.learnflow.progress.domain.ActivityBatch;
import dev.learnflow.progress.domain.RecordOutcomes;
import dev.learnflow.progress.domain.StudentReadModel;
import io.dapr.actors.ActorId;
import io.dapr.actors.client.ActorClient;
import io.dapr.actors.client.ActorProxy;
import io.dapr.actors.client.ActorProxyBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Calls StudentActors. Calls go through our sidecar (gRPC), which routes them to the actor's host and queues them
 * per actor, so every caller (event handler, REST, other services) shares one turn order.
 * <p>Uses the SDK's untyped {@link ActorProxy}: its typed proxies are JDK proxies created in the SDK's class
 * loader, which cannot see application classes under Quarkus dev and test mode.
 */
@ApplicationScoped
public class StudentActors {

    /** As long as the sidecar waits for an actor turn (daprd and ours: 60 s); calls queue behind each other. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final ActorClient client;
    private final ActorProxyBuilder<ActorProxy> builder;

    @Inject
    public StudentActors(JacksonDaprSerializer json) {
        // The actor client reads the sidecar address from the standard DAPR_* settings, like the DaprClient.
        this.client = new ActorClient();
        this.builder = new ActorProxyBuilder<>(StudentActor.TYPE, ActorProxy.class, client).withObjectSerializer(json);
    }

    public StudentActor of(UUID studentId) {
        return new Remote(builder.build(new ActorId(studentId.toString())));
    }

    /**
     * {@link StudentActor#recordAll} without holding a thread while the turn runs: a batch's students are recorded
     * concurrently (each in their own actor's turn order).
     */
    public CompletableFuture<RecordOutcomes> recordAllAsync(UUID studentId, ActivityBatch batch) {
        return builder.build(new ActorId(studentId.toString()))
                .invokeMethod(StudentActor.RECORD_ALL, batch, RecordOutcomes.class)
                .timeout(CALL_TIMEOUT)
                .toFuture();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The client side of {@link StudentActor}. */
    private record Remote(ActorProxy proxy) implements StudentActor {

        @Override
        public RecordOutcomes recordAll(ActivityBatch batch) {
            return proxy.invokeMethod(RECORD_ALL, batch, RecordOutcomes.class).block(CALL_TIMEOUT);
        }

        @Override
        public StudentReadModel readModel() {
            return proxy.invokeMethod(READ_MODEL, StudentReadModel.class).block(CALL_TIMEOUT);
        }
    }
}
