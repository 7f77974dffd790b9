package dev.learnflow.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.local.testing.MeshPeers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue 21's routes: the class insights reach progress with the teacher's own id (from the token, so no other
 * class can be named), a student's history only for the student, their teacher or an admin; students get no
 * teacher route. progress is a WireMock app behind a real local sidecar ({@link MeshPeers}).
 */
@QuarkusTest
class TeacherInsightsRoutingTest {

    private static final List<String> TEACHER_ROUTES = List.of("/api/v1/teacher/heatmap",
            "/api/v1/teacher/summary", "/api/v1/teacher/inactivity", "/api/v1/teacher/statements",
            "/api/v1/teacher/statements.csv", "/api/v1/teacher/class");

    private static WireMockServer progress;

    @BeforeAll
    static void backends() {
        progress = MeshPeers.peer("progress");
        progress.stubFor(get(urlPathMatching("/internal/teachers/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"students\":[]}")));
        progress.stubFor(get(urlPathMatching("/internal/teachers/.*/insights/statements.csv")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv; charset=utf-8")
                        .withBody("timestamp,student_id\r\n")));
        progress.stubFor(get(urlPathMatching("/internal/students/.*/insights/.*")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"statements\":[]}")));
    }

    @Test
    void classInsightsGoToProgressForTheCallersOwnClass() {
        Accounts.Account teacher = Accounts.register("teacher");
        teacher.get("/api/v1/teacher/heatmap").then().statusCode(200);
        progress.verify(getRequestedFor(urlPathEqualTo("/internal/teachers/" + teacher.id() + "/insights/heatmap"))
                .withHeader("x-learnflow-user", equalTo(teacher.id().toString()))
                .withHeader("x-learnflow-roles", equalTo("teacher"))
                .withHeader("dapr-caller-app-id", equalTo("gateway")));

        given().auth().oauth2(teacher.accessToken()).queryParam("days", "3")
                .when().get("/api/v1/teacher/summary").then().statusCode(200);
        progress.verify(getRequestedFor(urlPathEqualTo("/internal/teachers/" + teacher.id() + "/insights/summary"))
                .withQueryParam("days", equalTo("3")));
        given().auth().oauth2(teacher.accessToken()).queryParam("days", "14")
                .when().get("/api/v1/teacher/inactivity").then().statusCode(200);
        progress.verify(getRequestedFor(urlPathEqualTo("/internal/teachers/" + teacher.id()
                + "/insights/inactivity")).withQueryParam("days", equalTo("14")));
        given().auth().oauth2(teacher.accessToken()).queryParam("limit", "50").queryParam("cursor", "a+b")
                .when().get("/api/v1/teacher/statements").then().statusCode(200);
        progress.verify(getRequestedFor(urlPathEqualTo("/internal/teachers/" + teacher.id() + "/statements"))
                .withQueryParam("limit", equalTo("50")).withQueryParam("cursor", equalTo("a+b")));
    }

    @Test
    void theCsvExportIsRelayedAsADownload() {
        Accounts.Account teacher = Accounts.register("teacher");
        given().auth().oauth2(teacher.accessToken()).queryParam("since", "2026-11-01T00:00:00Z")
                .when().get("/api/v1/teacher/statements.csv")
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", containsString("attachment"))
                .body(org.hamcrest.Matchers.startsWith("timestamp,student_id"));
        progress.verify(getRequestedFor(urlPathEqualTo("/internal/teachers/" + teacher.id()
                + "/insights/statements.csv")).withQueryParam("since", equalTo("2026-11-01T00:00:00Z")));
    }

    @Test
    void aStudentReachesNoTeacherRoute() {
        Accounts.Account student = Accounts.register("student");
        for (String route : TEACHER_ROUTES) {
            student.get(route)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        progress.verify(0, getRequestedFor(urlPathMatching("/internal/teachers/" + student.id() + "/.*")));
    }

    @Test
    void aTeacherReachesTheHistoryOfTheirOwnStudentsOnly() {
        Accounts.Account teacher = Accounts.register("teacher");
        Accounts.Account otherTeacher = Accounts.register("teacher");
        Accounts.Account student = Accounts.register("student", teacher.id());
        for (String what : List.of("timeline", "topics/while-loops", "mastery-history?moduleId=control-flow",
                "calendar")) {
            otherTeacher.get("/api/v1/students/" + student.id() + "/" + what)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        progress.verify(0, getRequestedFor(urlPathMatching("/internal/students/" + student.id() + "/.*")));

        given().auth().oauth2(teacher.accessToken()).queryParam("verb", "failed").queryParam("topicId", "lists")
                .when().get("/api/v1/students/" + student.id() + "/timeline").then().statusCode(200);
        progress.verify(getRequestedFor(urlPathEqualTo("/internal/students/" + student.id() + "/insights/timeline"))
                .withQueryParam("verb", equalTo("failed")).withQueryParam("topicId", equalTo("lists"))
                .withHeader("x-learnflow-user", equalTo(teacher.id().toString())));
        student.get("/api/v1/students/" + student.id() + "/calendar").then().statusCode(200);
        teacher.get("/api/v1/students/" + student.id() + "/topics/Not_A_Slug")
                .then().statusCode(400).contentType("application/problem+json");
        // two over-long ids make a request line beyond Vert.x's 4 KB default, which it would answer with a bare 414
        String longId = "a".repeat(3_000);
        teacher.get("/api/v1/students/" + longId + "/topics/" + longId)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
