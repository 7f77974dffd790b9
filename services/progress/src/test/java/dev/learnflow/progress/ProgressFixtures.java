package dev.learnflow.progress;

import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.junit.jupiter.api.Test;

/**
 * Every test of this module runs with: the database and the progress app's real local sidecar with the
 * repository's components (embedded Kafka for pub/sub, the machine's PostgreSQL as state and actor store).
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "appId", value = "progress"), @ResourceArg(name = "components", value = "real")})
final class ProgressFixtures {

    private ProgressFixtures() {
    }
}
