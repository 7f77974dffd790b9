package dev.learnflow.exercise;

import dev.learnflow.local.testing.CodeExecutionPeer;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.ServiceEndpointsContract;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Also declares, for every test of this module: the test database, the service's real local sidecar over
 * embedded Kafka + PostgreSQL (state store included), the real code-execution service as a peer, and a progress
 * stand-in that receives the published events through Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "appId", value = "exercise"), @ResourceArg(name = "components", value = "real")})
@QuarkusTestResource(value = CodeExecutionPeer.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ProgressProbe.class, restrictToAnnotatedClass = false)
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String expectedTitle() {
        return "LearnFlow Exercise service API";
    }
}
