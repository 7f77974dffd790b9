package dev.learnflow.platform.actors;

import io.dapr.actors.runtime.ActorRuntime;

/**
 * Registers a service's Dapr actor types. Implement it as a CDI bean (e.g. {@code @ApplicationScoped}) and the
 * platform calls it once at startup, before the sidecar reads {@code GET /dapr/config}:
 *
 * <pre>{@code
 * @ApplicationScoped
 * class StudentActors implements ActorRegistrar {
 *     @Inject ObjectMapper mapper;
 *     public void register(ActorRuntime runtime) {
 *         runtime.registerActor(StudentActorImpl.class, (ctx, id) -> new StudentActorImpl(ctx, id, ...),
 *                 serializer, serializer);
 *     }
 * }
 * }</pre>
 */
public interface ActorRegistrar {

    void register(ActorRuntime runtime);
}
