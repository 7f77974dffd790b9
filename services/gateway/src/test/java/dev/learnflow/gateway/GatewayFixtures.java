package dev.learnflow.gateway;

import dev.learnflow.local.testing.JwtTestKeys;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs with: the database, JWT keys and the gateway's local sidecar. */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = JwtTestKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "appId", value = "gateway"))
final class GatewayFixtures {

    private GatewayFixtures() {
    }
}
