package dev.learnflow.debug;

import dev.learnflow.local.testing.LocalSidecar;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs with: debug's own local sidecar (in-memory pub/sub and state). */
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "appId", value = "debug"))
final class DebugFixtures {

    private DebugFixtures() {
    }
}
