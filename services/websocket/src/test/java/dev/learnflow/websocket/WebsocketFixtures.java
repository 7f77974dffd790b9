package dev.learnflow.websocket;

import dev.learnflow.local.testing.JwtTestKeys;
import dev.learnflow.local.testing.LocalSidecar;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs with: the JWT keys and the service's real local sidecar over an
 * embedded Kafka (components=real: the repository's kafka-pubsub component, consumer group = app id).
 */
@QuarkusTestResource(value = JwtTestKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "appId", value = "websocket"),
        @ResourceArg(name = "components", value = "real")})
final class WebsocketFixtures {

    private WebsocketFixtures() {
    }
}
