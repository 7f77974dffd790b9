package dev.learnflow.gateway;

import dev.learnflow.gateway.rest.WebClientRoutes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The web client (module web/) as the gateway serves it: no token needed, SPA fallback, headers. */
@QuarkusTest
class WebClientTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void rootServesTheClientWithoutATokenAndWithSecurityHeaders() {
        Response r = given().when().get("/").then().statusCode(200).extract().response();
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body().asString()).contains("<div id=\"app\">").contains("/assets/");
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self';")
                .contains("frame-ancestors 'none'")
                // the socket goes to the websocket service's port on the host the page came from
                .containsPattern("connect-src 'self' ws://(localhost|127\\.0\\.0\\.1):8108 wss://");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void http2ClientsGetTheSocketInThePolicyToo() throws Exception {
        // java.net.http upgrades to HTTP/2 (h2c), where the host comes as :authority, not as a Host header
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(root.toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("ws://" + root.getHost() + ":8108");
    }

    @Test
    void clientRoutesFallBackToTheIndexPage() {
        for (String path : new String[] {"/learn", "/exercises/e0000000-0000-4000-8000-000000000102", "/teacher/"}) {
            Response r = given().accept("text/html,application/xhtml+xml,*/*;q=0.8").when().get(path)
                    .then().statusCode(200).extract().response();
            assertThat(r.contentType()).as(path).startsWith("text/html");
            assertThat(r.body().asString()).as(path).contains("<div id=\"app\">");
        }
    }

    @Test
    void hashedAssetsAreServedAndCachedForever() {
        String index = given().when().get("/").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertThat(m.find()).as("script in index.html").isTrue();
        Response r = given().when().get(m.group(1)).then().statusCode(200).extract().response();
        assertThat(r.contentType()).contains("javascript");
        assertThat(r.header("Cache-Control")).contains("immutable");
        // a missing file is a 404, not the index page
        given().when().get("/assets/missing-1234.js").then().statusCode(404);
    }

    @Test
    void theApiIsUnchanged() {
        given().when().get("/api/v1/does-not-exist").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/me").then().statusCode(401);
        // only page loads fall back to the client: an unknown path asked for by anything else is still a 404 problem
        given().accept("application/json").when().get("/no/such/route").then().statusCode(404)
                .contentType("application/problem+json");
        given().accept("text/html").when().get("/api/v1/nothing-here").then().statusCode(404);
        // posting to a client route is not a page load
        int status = given().contentType("application/json").body("{}").when().post("/learn").then().extract().statusCode();
        assertThat(status).isIn(404, 405);
    }

    @Test
    void hostHeaderIsOnlyReflectedWhenItIsAHostName() {
        assertThat(WebClientRoutes.hostOf("localhost:8180")).isEqualTo("localhost");
        assertThat(WebClientRoutes.hostOf("[::1]:8180")).isEqualTo("[::1]");
        assertThat(WebClientRoutes.hostOf("evil.org; script-src *")).isNull();
        assertThat(WebClientRoutes.hostOf("a'b")).isNull();
    }
}
