package dev.learnflow.local.launcher;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hook run once the mesh is healthy: makes sure a demo teacher and a demo student (in that teacher's class) exist,
 * through the gateway's public API ({@code /api/v1/auth/register}, {@code /login}), and returns their access tokens
 * so the startup table can print ready-to-use tokens. If the gateway has no {@code /api/v1/auth} endpoints the hook
 * is skipped with a message; any other failure is reported but never fails the startup.
 */
public final class DemoAccounts {

    public static final String TEACHER_EMAIL = "demo.teacher@learnflow.dev";
    public static final String STUDENT_EMAIL = "demo.student@learnflow.dev";
    /** Local demo only: these accounts exist only in the developer's own embedded/local database. */
    public static final String PASSWORD = "learnflow-demo";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A demo account and its current access token. */
    public record Account(String role, String email, String password, String userId, String accessToken,
            long expiresInSeconds) {
    }

    /** Outcome of the hook: accounts, or why there are none. */
    public record Result(Optional<Account> teacher, Optional<Account> student, String message) {
        public boolean ok() {
            return teacher.isPresent() && student.isPresent();
        }
    }

    private DemoAccounts() {
    }

    /** Runs the hook against the gateway at {@code gatewayUrl} (e.g. {@code http://127.0.0.1:8180}). */
    public static Result provision(String gatewayUrl) {
        try {
            Reply probe = post(gatewayUrl + "/api/v1/auth/login",
                    Map.of("email", TEACHER_EMAIL, "password", PASSWORD), null);
            if (probe.status == 404 || probe.status == 405) {
                return new Result(Optional.empty(), Optional.empty(),
                        "skipped: the gateway has no /api/v1/auth endpoints yet");
            }
            Account teacher = loginOrRegister(gatewayUrl, "teacher", TEACHER_EMAIL, null, probe);
            Account student = loginOrRegister(gatewayUrl, "student", STUDENT_EMAIL, teacher.userId(), null);
            return new Result(Optional.of(teacher), Optional.of(student), "ok");
        } catch (Exception e) {
            return new Result(Optional.empty(), Optional.empty(), "failed: " + e.getMessage());
        }
    }

    private static Account loginOrRegister(String gw, String role, String email, String teacherId, Reply firstLogin)
            throws Exception {
        Reply login = firstLogin != null ? firstLogin
                : post(gw + "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        if (login.status == 200) {
            String token = login.body.path("accessToken").asText();
            return new Account(role, email, PASSWORD, userId(gw, token), token, login.body.path("expiresIn").asLong());
        }
        if (login.status != 401 && login.status != 403 && login.status != 404) {
            throw new IllegalStateException("login of " + email + " answered " + login.status + " " + login.body);
        }
        Map<String, Object> reg = new LinkedHashMap<>();
        reg.put("email", email);
        reg.put("password", PASSWORD);
        reg.put("displayName", "Demo " + role);
        reg.put("role", role);
        reg.put("timezone", "UTC");
        if (teacherId != null) {
            reg.put("teacherId", teacherId);
        }
        Reply r = post(gw + "/api/v1/auth/register", reg, null);
        if (r.status != 201 && r.status != 200) {
            throw new IllegalStateException("register of " + email + " answered " + r.status + " " + r.body);
        }
        JsonNode tokens = r.body.path("tokens");
        String token = tokens.path("accessToken").asText();
        String id = r.body.path("user").path("id").asText(null);
        return new Account(role, email, PASSWORD, id != null ? id : userId(gw, token), token,
                tokens.path("expiresIn").asLong());
    }

    /** The account id, from {@code GET /api/v1/me} (null if the gateway does not say). */
    private static String userId(String gw, String token) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(gw + "/api/v1/me"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .GET().build();
            HttpResponse<String> resp = Health.client().send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                return null;
            }
            JsonNode n = JSON.readTree(resp.body());
            JsonNode id = n.has("id") ? n.get("id") : n.path("user").get("id");
            return id == null ? null : id.asText();
        } catch (Exception e) {
            return null;
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private static Reply post(String url, Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> resp = Health.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode n;
        try {
            n = resp.body() == null || resp.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(resp.body());
        } catch (Exception e) {
            n = JSON.createObjectNode().put("raw", resp.body());
        }
        return new Reply(resp.statusCode(), n);
    }
}
