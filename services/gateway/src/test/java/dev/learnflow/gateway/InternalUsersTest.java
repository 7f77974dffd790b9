package dev.learnflow.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.local.testing.MeshPeers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * The accounts other services read (GET /internal/users/...), called the way they call it: from their own sidecar
 * through ours, under the repository's Dapr access control.
 */
@QuarkusTest
class InternalUsersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void readers() {
        // The readers join the mesh as the (WireMock) apps RoutingTest routes to; only their sidecars matter here.
        MeshPeers.peer("progress");
        MeshPeers.peer("notification");
    }

    @Test
    void progressAndNotificationReadAnAccountWithoutItsEmail() throws Exception {
        Accounts.Account teacher = Accounts.register("teacher");
        Accounts.Account ada = Accounts.register("student", teacher.id(), "Ada");
        for (String reader : new String[]{"progress", "notification"}) {
            HttpResponse<String> reply = MeshPeers.get(reader, "gateway", "/internal/users/" + ada.id());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            JsonNode facts = JSON.readTree(reply.body());
            assertThat(facts.path("id").asText()).isEqualTo(ada.id().toString());
            assertThat(facts.path("role").asText()).isEqualTo("student");
            assertThat(facts.path("displayName").asText()).isEqualTo("Ada");
            assertThat(facts.path("timezone").asText()).isEqualTo("Europe/Berlin");
            assertThat(facts.path("teacherId").asText()).isEqualTo(teacher.id().toString());
            assertThat(facts.has("email")).isFalse();
            assertThat(reply.body()).doesNotContain(ada.email()).doesNotContain("password");
        }
    }

    @Test
    void aClassIsItsTeachersStudentsByName() throws Exception {
        Accounts.Account teacher = Accounts.register("teacher");
        Accounts.Account zoe = Accounts.register("student", teacher.id(), "Zoe");
        Accounts.Account bob = Accounts.register("student", teacher.id(), "Bob");
        Accounts.register("student", Accounts.register("teacher").id(), "Someone else's");
        Accounts.register("student", null, "No class");

        HttpResponse<String> reply = MeshPeers.get("progress", "gateway",
                "/internal/users/" + teacher.id() + "/students");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode roster = JSON.readTree(reply.body());
        assertThat(roster.path("teacherId").asText()).isEqualTo(teacher.id().toString());
        assertThat(roster.path("students").findValuesAsText("id"))
                .containsExactly(bob.id().toString(), zoe.id().toString());

        HttpResponse<String> empty = MeshPeers.get("progress", "gateway",
                "/internal/users/" + Accounts.register("teacher").id() + "/students");
        assertThat(JSON.readTree(empty.body()).path("students").size()).isZero();
    }

    @Test
    void unknownAndMalformedIdsAreProblems() throws Exception {
        HttpResponse<String> unknown = MeshPeers.get("notification", "gateway", "/internal/users/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(MeshPeers.get("progress", "gateway", "/internal/users/" + UUID.randomUUID() + "/students")
                .statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = MeshPeers.get("progress", "gateway", "/internal/users/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("type").asText()).endsWith("/invalid-id");
    }

    @Test
    void otherAppsAreDeniedByAccessControl() {
        UUID ada = Accounts.register("student").id();
        // debug has no grant on /internal/users: the gateway's sidecar refuses it before the app sees anything.
        HttpResponse<String> denied = MeshPeers.get("debug", "gateway", "/internal/users/" + ada);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("ERR_DIRECT_INVOKE");
    }

    @Test
    void theAppChecksTheCallerTooAndKeepsTheRouteOutOfThePublicApi() {
        UUID ada = Accounts.register("student").id();
        // Straight to the app (as if past the sidecar): no caller app, or one that is not a reader, is refused.
        given().when().get("/internal/users/" + ada).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("dapr-caller-app-id", "triage").when().get("/internal/users/" + ada).then().statusCode(403);
        // A token of the public API does not help either.
        Accounts.Account teacher = Accounts.register("teacher");
        teacher.get("/internal/users/" + ada).then().statusCode(403);
        // Nothing under /api reaches it, and the public API document does not list it.
        teacher.get("/api/v1/users/" + ada).then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(200).body(not(containsString("/internal/users")))
                .body(containsString("/api/v1/me"));
        given().header("dapr-caller-app-id", "progress").when().get("/internal/users/" + ada)
                .then().statusCode(200).body("id", equalTo(ada.toString()));
    }
}
