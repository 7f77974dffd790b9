package dev.learnflow.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every test of this module runs with: the database and the progress app's real local sidecar with the
 * repository's components (embedded Kafka for pub/sub, the machine's PostgreSQL as state and actor store).
 * Tests that extend it also get JSON, test data and the test clock, back on real time around each test (the
 * struggling_students view, for one, counts failures of the real last 7 days).
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "appId", value = "progress"), @ResourceArg(name = "components", value = "real")})
abstract class ProgressFixtures {

    @Inject
    ObjectMapper mapper;
    @Inject
    TestData data;
    @Inject
    TestClock clock;

    @BeforeEach
    void realTimeBefore() {
        clock.reset();
    }

    @AfterEach
    void realTimeAfter() {
        clock.reset();
    }
}
