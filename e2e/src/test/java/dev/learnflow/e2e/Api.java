package dev.learnflow.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A caller of the public API on the gateway, as a client application would be: JSON over HTTP with a token. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** A registered user: id, role and current access token. */
    public record User(String id, String email, String role, String accessToken) {
    }

    /** An answer: status, content type and body (parsed when it is JSON). */
    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public static Api gateway() {
        return new Api(LocalMesh.GATEWAY);
    }

    /** Registers a new user with a unique e-mail; students may name their teacher. */
    public User register(String role, String name, String teacherId) throws Exception {
        String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@e2e.learnflow.dev";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", "correct horse battery staple");
        body.put("displayName", name);
        body.put("role", role);
        body.put("timezone", "Europe/Berlin");
        if (teacherId != null) {
            body.put("teacherId", teacherId);
        }
        Reply reply = post("/api/v1/auth/register", null, body);
        if (reply.status() != 201) {
            throw new AssertionError("register " + role + ": " + reply);
        }
        JsonNode json = reply.json();
        String token = json.path("tokens").path("accessToken").asText(json.path("accessToken").asText());
        Reply me = get("/api/v1/me", token);
        if (me.status() != 200) {
            throw new AssertionError("me: " + me);
        }
        return new User(me.json().path("id").asText(), email, role, token);
    }

    public Reply get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    public Reply post(String path, String token, Object body) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    /** A raw body, for malformed-input tests. */
    public Reply send(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = request(path, token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }
}
