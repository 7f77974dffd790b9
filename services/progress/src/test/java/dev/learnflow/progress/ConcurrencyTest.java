package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.ProgressRecorded;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * 100 events for one student delivered at the same time (as many sidecar deliveries in parallel would), plus
 * redeliveries of some of them racing the originals: each handler calls the student's actor through the sidecar,
 * which takes them one turn at a time, so every event counts exactly once.
 */
@QuarkusTest
class ConcurrencyTest extends ProgressFixtures {

    @Test
    void hundredConcurrentEventsForOneStudentAreAllCountedExactlyOnce() throws Exception {
        UUID student = data.student("UTC", data.teacher());
        Instant t0 = Instant.now().minusSeconds(600);
        List<CloudEvent<ProgressRecorded>> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean success = i % 5 < 3; // 60 passed, 40 failed
            events.add(Events.attempt(student, "lists", "exercise-" + (i % 10), success, t0.plusMillis(i)));
        }
        List<CloudEvent<ProgressRecorded>> deliveries = new ArrayList<>(events);
        deliveries.addAll(events.subList(0, 20)); // redeliveries racing their originals
        Collections.shuffle(deliveries);

        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (CloudEvent<ProgressRecorded> e : deliveries) {
                Callable<String> deliver = () -> Events.deliver(mapper, e).statusCode(200).extract().path("status");
                answers.add(pool.submit(deliver));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(180, TimeUnit.SECONDS)).isEqualTo("SUCCESS");
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode state = SidecarProbe.state(student).orElseThrow();
        JsonNode topic = state.path("topics").path("lists");
        assertThat(topic.path("attempts").asInt()).isEqualTo(100);
        assertThat(topic.path("correct").asInt()).isEqualTo(60);
        assertThat(state.path("appliedEvents").size()).isEqualTo(100);
        for (CloudEvent<ProgressRecorded> e : events) {
            assertThat(state.path("appliedEvents").has(e.id())).as("applied %s", e.id()).isTrue();
        }

        assertThat(data.eventLogRows(student)).isEqualTo(100);
        // The mirror holds the actor's final snapshot, whatever order the 120 handlers finished in.
        Row progress = data.progressRow(student, "lists").orElseThrow();
        assertThat(progress.getInteger("attempts")).isEqualTo(100);
        assertThat(progress.getInteger("correct")).isEqualTo(60);
        assertThat(progress.getDouble("p_known")).isCloseTo(topic.path("pKnown").asDouble(), within(1e-12));
    }
}
