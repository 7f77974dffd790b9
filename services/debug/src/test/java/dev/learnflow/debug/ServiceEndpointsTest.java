package dev.learnflow.debug;

import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    ServiceEndpointsTest() {
        super("LearnFlow Debug agent API");
    }
}
