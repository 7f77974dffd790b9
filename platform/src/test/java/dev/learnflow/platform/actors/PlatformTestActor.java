package dev.learnflow.platform.actors;

import io.dapr.actors.ActorMethod;
import io.dapr.actors.ActorType;

/** A test actor hosted by the platform's actor endpoints. */
@ActorType(name = "PlatformTestActor")
public interface PlatformTestActor {

    @ActorMethod(name = "echo")
    String echo(String text);

    @ActorMethod(name = "onTick")
    void onTick(String data);

    @ActorMethod(name = "boom")
    void boom(String message);
}
