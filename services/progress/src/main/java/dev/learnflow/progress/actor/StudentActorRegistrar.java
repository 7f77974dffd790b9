package dev.learnflow.progress.actor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.platform.actors.ActorRegistrar;
import dev.learnflow.platform.dapr.JacksonDaprSerializer;
import dev.learnflow.progress.client.StudentSnapshots;
import dev.learnflow.progress.service.LiveReadModels;
import dev.learnflow.progress.service.StudentLedger;
import io.dapr.actors.runtime.ActorRuntime;
import io.dapr.serializer.DefaultObjectSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/** Hosts {@link StudentActor} in this service through the platform's actor endpoints. */
@ApplicationScoped
public class StudentActorRegistrar implements ActorRegistrar {

    @Inject
    StudentLedger ledger;
    @Inject
    Clock clock;
    @Inject
    JacksonDaprSerializer json;
    @Inject
    ObjectMapper mapper;
    @Inject
    StudentSnapshots readModels;
    @Inject
    LiveReadModels live;

    /**
     * Method calls and reminder data use the app's JSON ({@link JacksonDaprSerializer}). State goes through the SDK's default
     * serializer as a JSON tree: the SDK stores state from any other serializer as base64 but hands it back
     * undecoded, so only the default one round-trips (the actor converts the tree with the app's mapper).
     */
    @Override
    public void register(ActorRuntime runtime) {
        runtime.registerActor(StudentActorImpl.class,
                (context, id) -> new StudentActorImpl(context, id, ledger, clock, mapper, readModels, live),
                json, new DefaultObjectSerializer());
    }
}
