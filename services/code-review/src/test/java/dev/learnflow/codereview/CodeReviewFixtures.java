package dev.learnflow.codereview;

import dev.learnflow.local.testing.CodeExecutionPeer;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs with: the test database (the sidecar's PostgreSQL state store), the
 * service's real local sidecar over embedded Kafka + PostgreSQL, and the real code-execution service beside it.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "appId", value = "code-review"), @ResourceArg(name = "components", value = "real")})
@QuarkusTestResource(value = CodeExecutionPeer.class, restrictToAnnotatedClass = false)
final class CodeReviewFixtures {

    private CodeReviewFixtures() {
    }
}
