package dev.learnflow.gateway;

import dev.learnflow.local.testing.JwtTestKeys;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.ServiceEndpointsContract;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Also declares, for every test of this module, the database, JWT keys and the gateway's local sidecar. */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = JwtTestKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "appId", value = "gateway"))
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String expectedTitle() {
        return "LearnFlow Gateway API";
    }
}
