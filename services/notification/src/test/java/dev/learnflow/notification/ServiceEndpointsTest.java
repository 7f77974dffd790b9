package dev.learnflow.notification;

import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String expectedTitle() {
        return "LearnFlow Notification service API";
    }

    @Override
    protected List<String> subscribedTopics() {
        return List.of("struggle.detected");
    }
}
