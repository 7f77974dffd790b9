package dev.learnflow.platform.actors;

import io.dapr.actors.runtime.ActorRuntime;

/**
 * Registers a service's Dapr actor types. Implement it as a CDI bean (e.g. {@code @ApplicationScoped}) and the
 * platform calls it once at startup, before the sidecar reads {@code GET /dapr/config}:
 *
 * <pre>{@code
 * @ApplicationScoped
 * class StudentActors implements ActorRegistrar {
 *     @Inject JacksonDaprSerializer json;
 *     public void register(ActorRuntime runtime) {
 *         runtime.registerActor(StudentActorImpl.class, (ctx, id) -> new StudentActorImpl(ctx, id, ...),
 *                 json, new DefaultObjectSerializer());
 *     }
 * }
 * }</pre>
 *
 * The second serializer (actor state) must stay the SDK's default: the SDK reads state back through it and
 * a custom one makes it return base64 text instead of the saved value.
 */
public interface ActorRegistrar {

    void register(ActorRuntime runtime);
}
