package dev.learnflow.triage;

import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs with: the database and triage's local sidecar with the repository's real
 * components: Kafka (embedded) for pub/sub and PostgreSQL for the state store.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "appId", value = "triage"), @ResourceArg(name = "components", value = "real")})
final class TriageFixtures {

    private TriageFixtures() {
    }
}
