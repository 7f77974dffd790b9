package dev.learnflow.debug;

import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Also declares, for every test of this module, debug's own local sidecar (in-memory pub/sub and state). */
@QuarkusTest
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "appId", value = "debug"))
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String expectedTitle() {
        return "LearnFlow Debug agent API";
    }
}
