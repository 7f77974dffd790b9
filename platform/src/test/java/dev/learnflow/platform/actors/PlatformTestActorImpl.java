package dev.learnflow.platform.actors;

import io.dapr.actors.ActorId;
import io.dapr.actors.runtime.AbstractActor;
import io.dapr.actors.runtime.ActorRuntimeContext;
import io.dapr.actors.runtime.Remindable;
import io.dapr.utils.TypeRef;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public class PlatformTestActorImpl extends AbstractActor implements PlatformTestActor, Remindable<String> {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    public PlatformTestActorImpl(ActorRuntimeContext<PlatformTestActorImpl> ctx, ActorId id) {
        super(ctx, id);
    }

    @Override
    protected Mono<Void> onActivate() {
        EVENTS.add("activate:" + getId());
        return Mono.empty();
    }

    @Override
    protected Mono<Void> onDeactivate() {
        EVENTS.add("deactivate:" + getId());
        return Mono.empty();
    }

    @Override
    public String echo(String text) {
        // Proves the call runs on a worker thread: blocking is allowed here.
        EVENTS.add("echo:" + Thread.currentThread().getName());
        return text + "!";
    }

    @Override
    public void onTick(String data) {
        EVENTS.add("timer:" + getId() + ":" + data);
    }

    @Override
    public void boom(String message) {
        throw new IllegalStateException(message);
    }

    @Override
    public TypeRef<String> getStateType() {
        return TypeRef.STRING;
    }

    @Override
    public Mono<Void> receiveReminder(String name, String state, Duration dueTime, Duration period) {
        EVENTS.add("reminder:" + getId() + ":" + name + ":" + state);
        return Mono.empty();
    }
}
