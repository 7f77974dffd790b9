package dev.learnflow.concepts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.concepts.service.ConceptAgent;
import dev.learnflow.local.testing.SubscriberApp;
import dev.learnflow.platform.dapr.EventBus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every flow test of this module starts from (subclasses are {@code @QuarkusTest}s): the event bus that
 * carries concepts.requests in, a sink app on the topics concepts publishes to, and the code-execution peer, part
 * of every mesh (without it each trace of an example would wait out its timeout).
 */
abstract class ConceptsMeshTest {

    @Inject
    EventBus events;
    @Inject
    ObjectMapper mapper;
    @Inject
    ConceptAgent agent;

    SubscriberApp sink;
    WireMockServer sandbox;

    /** The sink's app id; a test class that restarts the app with resources of its own names its own sink. */
    String sinkAppId() {
        return "concepts-test-sink";
    }

    @BeforeEach
    void mesh() {
        sink = ConceptsFixtures.sink(sinkAppId());
        sandbox = ConceptsFixtures.sandbox();
    }
}
