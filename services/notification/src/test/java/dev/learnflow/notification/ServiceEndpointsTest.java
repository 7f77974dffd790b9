package dev.learnflow.notification;

import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    ServiceEndpointsTest() {
        super("LearnFlow Notification service API", List.of("struggle.detected"));
    }
}
