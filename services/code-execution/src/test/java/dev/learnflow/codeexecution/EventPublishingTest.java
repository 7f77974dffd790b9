package dev.learnflow.codeexecution;

import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Each run tells progress what happened (recorded here instead of published: there is no sidecar). */
@QuarkusTest
class EventPublishingTest {

    @BeforeEach
    void clear() {
        RecordingProgressSink.PUBLISHED.clear();
    }

    @Test
    void aFailedRunPublishesItsExceptionType() {
        Runs.run("print(totl)").then().statusCode(200);
        assertThat(RecordingProgressSink.PUBLISHED).hasSize(1);
        ProgressRecorded p = RecordingProgressSink.PUBLISHED.get(0);
        assertThat(p.userId()).isEqualTo(UUID.fromString(Runs.STUDENT));
        assertThat(p.verb()).isEqualTo(Verb.RAN);
        assertThat(p.object().type().value()).isEqualTo("code");
        assertThat(p.result().errorType()).isEqualTo("NameError");
        assertThat(p.result().success()).isNull();
        assertThat(p.context()).containsEntry("status", "runtime_error").containsEntry("mode", "run");
    }

    @Test
    void aGoodRunHasNoErrorTypeAndNamesTheCaller() {
        given().contentType(ContentType.JSON).header("x-learnflow-user", Runs.STUDENT)
                .header("dapr-caller-app-id", "exercise")
                .body(Map.of("code", "print('ok')")).when().post("/internal/runs").then().statusCode(200);
        ProgressRecorded p = RecordingProgressSink.PUBLISHED.get(0);
        assertThat(p.result().errorType()).isNull();
        assertThat(p.context()).containsEntry("status", "ok").containsEntry("caller", "exercise");
    }

    @Test
    void anonymousInternalRunsPublishNothing() {
        given().contentType(ContentType.JSON).body(Map.of("code", "print('ok')"))
                .when().post("/internal/runs").then().statusCode(200);
        assertThat(RecordingProgressSink.PUBLISHED).isEmpty();
    }
}
