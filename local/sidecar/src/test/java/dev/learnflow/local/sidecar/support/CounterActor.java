package dev.learnflow.local.sidecar.support;

import io.dapr.actors.ActorMethod;
import io.dapr.actors.ActorType;

/** A test actor: a counter that notices if it is ever entered twice at once. */
@ActorType(name = "TestCounter")
public interface CounterActor {

    /** Adds one after sleeping {@code sleepMillis} inside the turn; returns the new count. */
    @ActorMethod(name = "increment")
    int increment(int sleepMillis);

    @ActorMethod(name = "get")
    int get();

    /** Registers a reminder "tick" (data = the actor id) due in {@code dueMillis}, repeating every {@code periodMillis}. */
    @ActorMethod(name = "remindMe")
    void remindMe(long[] dueAndPeriodMillis);

    @ActorMethod(name = "forget")
    void forget(String reminder);

    /** Registers a timer calling {@code onTimer} (data = "timer-data") after {@code dueMillis}. */
    @ActorMethod(name = "timeMe")
    void timeMe(long dueMillis);

    /** The timer callback (the SDK only dispatches timer callbacks declared on the actor interface). */
    @ActorMethod(name = "onTimer")
    void onTimer(String data);

    @ActorMethod(name = "fail")
    void fail(String message);
}
