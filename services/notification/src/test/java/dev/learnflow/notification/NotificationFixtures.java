package dev.learnflow.notification;

import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import java.time.Duration;

/**
 * Every test of this module runs with: the test database and the service's real local sidecar over an
 * embedded Kafka and the machine's PostgreSQL (components=real).
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "appId", value = "notification"),
        @ResourceArg(name = "components", value = "real")})
final class NotificationFixtures {

    /** How long a test waits for what crosses Kafka and the sidecars (a generous bound, not a speed check). */
    static final Duration WAIT = Duration.ofSeconds(60);

    private NotificationFixtures() {
    }
}
