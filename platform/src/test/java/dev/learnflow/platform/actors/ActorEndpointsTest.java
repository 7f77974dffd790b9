package dev.learnflow.platform.actors;

import dev.learnflow.local.testing.ConfigOverrides;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app-side actor endpoints, called exactly as the sidecar (daprd or ours) calls them: the actor configuration
 * at {@code /dapr/config} next to the existing {@code /dapr/subscribe}, method calls, timer and reminder firings
 * in the SDK's wire format, deactivation, and errors.
 */
@QuarkusTest
@TestProfile(ActorEndpointsTest.Profile.class)
class ActorEndpointsTest {

    public static class Profile extends ConfigOverrides {
        public Profile() {
            super(Map.of("learnflow.actors.idle-timeout", "10m", "learnflow.actors.scan-interval", "15s"));
        }

        @Override
        public java.util.Set<Class<?>> getEnabledAlternatives() {
            return java.util.Set.of(TestActorRegistrar.class);
        }
    }

    /** A PUT with a JSON body, as the sidecar sends actor method calls and timer and reminder firings. */
    private static ValidatableResponse putJson(String path, String body) {
        return given().contentType("application/json").body(body).when().put(path).then();
    }

    private static String b64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void configListsRegisteredTypesAndSubscribeStillWorks() {
        given().when().get("/dapr/config").then().statusCode(200)
                .body("entities", hasItem("PlatformTestActor"))
                .body("actorIdleTimeout", equalTo("0h10m0s0ms"))
                .body("actorScanInterval", equalTo("0h0m15s0ms"));
        given().when().get("/dapr/subscribe").then().statusCode(200);
    }

    @Test
    void methodTimerReminderAndDeactivation() {
        putJson("/actors/PlatformTestActor/a1/method/echo", "\"hi\"").statusCode(200).body(equalTo("\"hi!\""));
        assertTrue(PlatformTestActorImpl.EVENTS.contains("activate:a1"));
        assertTrue(PlatformTestActorImpl.EVENTS.stream().anyMatch(e -> e.startsWith("echo:") && !e.contains("eventloop")),
                PlatformTestActorImpl.EVENTS::toString);

        // Timer body as daprd sends it for a gRPC-registered timer: data is the JSON-encoded bytes (base64).
        putJson("/actors/PlatformTestActor/a1/method/timer/t1",
                "{\"callback\":\"onTick\",\"data\":\"" + b64("\"tock\"") + "\",\"dueTime\":\"0h0m1s0ms\",\"period\":\"\"}")
                .statusCode(200);
        assertTrue(PlatformTestActorImpl.EVENTS.contains("timer:a1:tock"), PlatformTestActorImpl.EVENTS::toString);

        putJson("/actors/PlatformTestActor/a1/method/remind/daily",
                "{\"data\":\"" + b64("\"payload\"") + "\",\"dueTime\":\"0h0m0s0ms\",\"period\":\"0h1m0s0ms\"}")
                .statusCode(200);
        assertTrue(PlatformTestActorImpl.EVENTS.contains("reminder:a1:daily:payload"), PlatformTestActorImpl.EVENTS::toString);

        given().when().delete("/actors/PlatformTestActor/a1").then().statusCode(200);
        assertTrue(PlatformTestActorImpl.EVENTS.contains("deactivate:a1"));
    }

    @Test
    void errorsAre500WithTheMessage() {
        putJson("/actors/PlatformTestActor/a2/method/boom", "\"bad input\"").statusCode(500)
                .body(containsString("bad input"));
        putJson("/actors/NoSuchActor/a2/method/echo", "1").statusCode(500).body(containsString("NoSuchActor"));
    }
}
