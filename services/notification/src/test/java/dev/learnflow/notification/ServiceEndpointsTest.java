package dev.learnflow.notification;

import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String expectedTitle() {
        return "LearnFlow Notification service API";
    }
}
