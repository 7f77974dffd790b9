package dev.learnflow.triage;

import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.ServiceEndpointsContract;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Also declares, for every test of this module, the database and triage's local sidecar with the repository's real
 * components: Kafka (embedded) for pub/sub and PostgreSQL for the state store.
 */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "appId", value = "triage"), @ResourceArg(name = "components", value = "real")})
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String expectedTitle() {
        return "LearnFlow Triage agent API";
    }
}
