package dev.learnflow.local.sidecar.support;

import io.dapr.actors.ActorId;
import io.dapr.actors.runtime.AbstractActor;
import io.dapr.actors.runtime.ActorRuntimeContext;
import io.dapr.actors.runtime.Remindable;
import io.dapr.utils.TypeRef;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The SDK actor behind {@link CounterActor}; what happened is recorded in static lists for the tests. */
public class CounterActorImpl extends AbstractActor implements CounterActor, Remindable<String> {

    /** Calls currently inside an actor, per id: must never exceed 1. */
    public static final Map<String, AtomicInteger> IN_FLIGHT = new ConcurrentHashMap<>();
    public static final AtomicInteger OVERLAPS = new AtomicInteger();
    public static final List<String> ACTIVATIONS = new CopyOnWriteArrayList<>();
    public static final List<String> DEACTIVATIONS = new CopyOnWriteArrayList<>();
    /** "id:reminder:data@epochMillis". */
    public static final List<String> REMINDERS = new CopyOnWriteArrayList<>();
    public static final List<String> TIMERS = new CopyOnWriteArrayList<>();

    public CounterActorImpl(ActorRuntimeContext<CounterActorImpl> runtimeContext, ActorId id) {
        super(runtimeContext, id);
    }

    private String id() {
        return getId().toString();
    }

    @Override
    protected Mono<Void> onActivate() {
        ACTIVATIONS.add(id());
        return super.onActivate();
    }

    @Override
    protected Mono<Void> onDeactivate() {
        DEACTIVATIONS.add(id());
        return super.onDeactivate();
    }

    @Override
    public int increment(int sleepMillis) {
        AtomicInteger inside = IN_FLIGHT.computeIfAbsent(id(), k -> new AtomicInteger());
        if (inside.incrementAndGet() > 1) {
            OVERLAPS.incrementAndGet();
        }
        try {
            int current = getActorStateManager().contains("count").block()
                    ? getActorStateManager().get("count", Integer.class).block() : 0;
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
            int next = current + 1;
            getActorStateManager().set("count", next).block();
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            inside.decrementAndGet();
        }
    }

    @Override
    public int get() {
        return getActorStateManager().contains("count").block()
                ? getActorStateManager().get("count", Integer.class).block() : 0;
    }

    @Override
    public void remindMe(long[] dueAndPeriod) {
        registerReminder("tick", id(), Duration.ofMillis(dueAndPeriod[0]),
                dueAndPeriod[1] <= 0 ? Duration.ofMillis(-1) : Duration.ofMillis(dueAndPeriod[1])).block();
    }

    @Override
    public void forget(String reminder) {
        unregisterReminder(reminder).block();
    }

    @Override
    public void timeMe(long dueMillis) {
        registerActorTimer("t1", "onTimer", "timer-data", Duration.ofMillis(dueMillis), Duration.ofMillis(-1)).block();
    }

    @Override
    public void onTimer(String data) {
        TIMERS.add(id() + ":" + data + "@" + Instant.now().toEpochMilli());
    }

    @Override
    public void fail(String message) {
        throw new IllegalArgumentException(message);
    }

    @Override
    public TypeRef<String> getStateType() {
        return TypeRef.STRING;
    }

    @Override
    public Mono<Void> receiveReminder(String reminderName, String state, Duration dueTime, Duration period) {
        REMINDERS.add(id() + ":" + reminderName + ":" + state + "@" + Instant.now().toEpochMilli());
        return Mono.empty();
    }
}
