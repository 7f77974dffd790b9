package dev.learnflow.notification;

import io.dapr.client.DaprClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;

/** Base of the tests that publish struggle signals and follow the alert out to both websocket replicas. */
abstract class WithWebsocketReplicas {

    @Inject
    DaprClient dapr;

    @BeforeAll
    static void replicas() {
        WebsocketReplicas.start();
    }
}
