package dev.learnflow.websocket;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * The push route trusts its own sidecar only: with an app token configured (as on Kubernetes and under
 * ./learnflow), a call without that token is refused whatever {@code dapr-caller-app-id} it claims.
 */
@QuarkusTest
@TestProfile(PushTrustTest.WithAppToken.class)
class PushTrustTest {

    static final String TOKEN = "websocket-sidecar-token";

    public static class WithAppToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("learnflow.app-api-token", TOKEN);
        }
    }

    @Test
    void aCallerAppHeaderIsNotTrustedOnlyTheSidecarToken() {
        Map<String, Object> push = Pushes.alert(UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID(), "");
        Pushes.push(Map.of("dapr-caller-app-id", "notification"), push).statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://learnflow.dev/problems/sidecar-only"));
        Pushes.push(Map.of("dapr-api-token", "guess"), push).statusCode(401);
        Pushes.push(Map.of("dapr-api-token", TOKEN), push).statusCode(202).body("connections", equalTo(0));
    }
}
