package dev.learnflow.platform.actors;

import io.dapr.actors.runtime.ActorRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Registers the test actor, as a service registers its own. An alternative enabled only by
 * {@link ActorEndpointsTest.Profile}, so it can never leak into another test through the platform test-jar.
 */
@Alternative
@ApplicationScoped
public class TestActorRegistrar implements ActorRegistrar {

    @Override
    public void register(ActorRuntime runtime) {
        runtime.registerActor(PlatformTestActorImpl.class);
    }
}
