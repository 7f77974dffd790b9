package dev.learnflow.platform.auth;

import dev.learnflow.local.testing.ConfigOverrides;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With an app token (even in the test profile), the sidecar-only routes demand it; public routes do not. */
@QuarkusTest
@TestProfile(SidecarTrustWithTokenTest.WithToken.class)
class SidecarTrustWithTokenTest {

    static final String TOKEN = "s1decar-t0ken";

    public static class WithToken extends ConfigOverrides {
        public WithToken() {
            super(Map.of("learnflow.app-api-token", TOKEN));
        }
    }

    @Test
    void sidecarOnlyRoutesNeedTheSidecarsToken() {
        for (String path : new String[]{"/dapr/subscribe", "/dapr/config"}) {
            given().when().get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("https://learnflow.dev/problems/sidecar-only"));
            given().header("dapr-api-token", TOKEN + "x").when().get(path).then().statusCode(401);
            given().header("dapr-api-token", TOKEN).when().get(path).then().statusCode(200);
        }
        given().header("dapr-caller-app-id", "notification").when().post("/internal/anything").then().statusCode(401);
    }

    @Test
    void publicRoutesStayOpen() {
        given().when().get("/probe").then().statusCode(200).body(equalTo("ok"));
    }
}
