package dev.learnflow.platform.auth;

import dev.learnflow.local.testing.ConfigOverrides;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * An app started as in production but without APP_API_TOKEN (a Deployment that forgot the Secret) cannot tell its
 * sidecar from anyone else: it fails closed on every route but its health checks.
 */
@QuarkusTest
@TestProfile(SidecarTrustWithoutTokenTest.ProductionWithoutToken.class)
class SidecarTrustWithoutTokenTest {

    public static class ProductionWithoutToken extends ConfigOverrides {
        public ProductionWithoutToken() {
            super(Map.of("learnflow.sidecar-trust.allow-without-token", "false", "learnflow.app-api-token", ""));
        }
    }

    @Test
    void everyRouteIsRefusedButHealth() {
        for (String path : new String[]{"/probe", "/dapr/subscribe", "/dapr/config"}) {
            given().header("dapr-api-token", "anything").when().get(path).then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://learnflow.dev/problems/sidecar-trust-unconfigured"));
        }
        given().when().put("/actors/PlatformTestActor/a1/method/echo").then().statusCode(503);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
