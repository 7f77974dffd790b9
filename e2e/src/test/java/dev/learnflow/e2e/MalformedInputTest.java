package dev.learnflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every public route of the gateway (read from its own OpenAPI document, so new routes are swept too) gets
 * malformed JSON, wrong types, huge strings, unicode edge cases and invalid ids, with and without a token: the
 * answer is always a 4xx problem document (or a normal answer), never a 5xx other than a dependency's 503/504,
 * and never a stack trace.
 */
@ExtendWith(LocalMesh.class)
class MalformedInputTest {

    private static final List<String> BAD_IDS = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000Z",
            "..%2F..%2Fetc%2Fpasswd", "'%20OR%201%3D1%20--", "a".repeat(3_000), "%F0%9F%92%A9", "%00", "-1",
            "99999999999999999999", UUID.randomUUID().toString());
    private static final List<String> BAD_QUERY_VALUES = List.of("", "x".repeat(3_000), "%00", "-1", "1e309",
            "%F0%9F%92%A9", "2026-13-45T99:99:99Z", "'%3B%20drop%20table%20users%3B--");
    private static final String HUGE = "x".repeat(200_000);

    private final Api api = Api.gateway();

    @Test
    void noPublicRouteAnswersMalformedInputWithA500OrAStackTrace() throws Exception {
        Api.User student = api.register("student", "Mallory Student", null);
        Api.User teacher = api.register("teacher", "Mallory Teacher", null);
        JsonNode openapi = Api.JSON.readTree(api.send("GET", "/q/openapi?format=json", null, null, null).body());
        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        int routes = 0;

        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                routes++;
                List<Probe> probes = probes(path.getKey(), method, op.getValue());
                for (Probe probe : probes) {
                    for (Api.User caller : List.of(student, teacher)) {
                        Api.Reply reply = api.send(method, probe.path, caller.accessToken(), probe.contentType,
                                probe.body);
                        requests++;
                        statuses.merge(reply.status(), 1, Integer::sum);
                        check(method + " " + probe.path + " [" + probe.what + "] as " + caller.role(), reply,
                                violations);
                    }
                }
                Probe anonymous = probes.get(0);
                Api.Reply reply = api.send(method, anonymous.path, null, anonymous.contentType, anonymous.body);
                requests++;
                statuses.merge(reply.status(), 1, Integer::sum);
                check(method + " " + anonymous.path + " [no token]", reply, violations);
            }
        }

        String report = "routes " + routes + ", requests " + requests + ", statuses " + statuses + "\n"
                + String.join("\n", violations) + "\n";
        Files.writeString(LocalMesh.artifacts("malformed").resolve("report.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
        assertThat(routes).as("public routes found in the OpenAPI document").isGreaterThanOrEqualTo(20);
        assertThat(violations).isEmpty();
    }

    private static void check(String what, Api.Reply reply, List<String> violations) {
        int status = reply.status();
        String body = reply.body() == null ? "" : reply.body();
        // 503/504 are the gateway's clear answers when a dependency is down or too slow (problem+json, checked
        // below); anything else from 500 up means malformed input broke something.
        if (status >= 500 && status != 503 && status != 504) {
            violations.add(what + " → " + status + " " + abbreviate(body));
        }
        if (status >= 400 && !reply.contentType().startsWith("application/problem+json")) {
            violations.add(what + " → " + status + " with " + reply.contentType() + ": " + abbreviate(body));
        }
        boolean stackTrace = body.contains("\tat ") || body.contains("Exception:")
                || body.matches("(?s).*\\bat [a-z]+\\.[a-z]+\\..*\\(.*");
        if (status >= 400 && stackTrace) { // 200 bodies may carry the student's own Python traceback
            violations.add(what + " → a stack trace in the body: " + abbreviate(body));
        }
    }

    private record Probe(String what, String path, String contentType, String body) {
    }

    /** A valid-looking call first (ids filled in), then invalid ids, bad query values and bad bodies. */
    private static List<Probe> probes(String template, String method, JsonNode operation) {
        List<Probe> probes = new ArrayList<>();
        boolean hasBody = operation.has("requestBody");
        String goodBody = hasBody ? "{}" : null;
        String goodType = hasBody ? "application/json" : null;
        String good = fill(template, UUID.randomUUID().toString());
        probes.add(new Probe("ids filled", good, goodType, goodBody));
        if (template.contains("{")) {
            for (String bad : BAD_IDS) {
                probes.add(new Probe("id " + abbreviate(bad), fill(template, bad), goodType, goodBody));
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                for (String bad : BAD_QUERY_VALUES) {
                    probes.add(new Probe("query " + parameter.path("name").asText() + "=" + abbreviate(bad),
                            good + (good.contains("?") ? "&" : "?") + parameter.path("name").asText() + "=" + bad,
                            goodType, goodBody));
                }
            }
        }
        if (hasBody || method.equals("POST")) {
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("truncated JSON", "{\"code\": \"print(1)\"");
            bodies.put("not JSON", "print('hello')");
            bodies.put("JSON null", "null");
            bodies.put("JSON array", "[1, 2, 3]");
            bodies.put("JSON string", "\"hello\"");
            bodies.put("wrong types", "{\"code\": 12, \"question\": [], \"topicId\": {}, \"difficulty\": 3, "
                    + "\"hintLevel\": \"high\", \"action\": 7, \"email\": false, \"password\": null, "
                    + "\"selectedOption\": \"one\", \"stdin\": {\"a\": 1}, \"timeoutMs\": \"soon\"}");
            bodies.put("out-of-range numbers", "{\"code\": \"print(1)\", \"hintLevel\": 99999999999, "
                    + "\"timeoutMs\": -5, \"selectedOption\": -1, \"muteHours\": 1e309, \"action\": \"mute\"}");
            bodies.put("unknown enum values", "{\"difficulty\": \"impossible\", \"action\": \"explode\", "
                    + "\"role\": \"root\", \"topicId\": \"variables\"}");
            bodies.put("unicode edge cases", "{\"question\": \"\\ud800\\u0000\\u202e\u00e9\\uffff😀\", "
                    + "\"code\": \"print('\\ud83d')\\u0000\", \"topicId\": \"\\u0000\", \"email\": \"\\u202e@x\"}");
            bodies.put("deep nesting", "[".repeat(10_000) + "]".repeat(10_000));
            bodies.put("huge string", "{\"code\": \"" + HUGE + "\", \"question\": \"" + HUGE + "\"}");
            bodies.put("duplicate keys", "{\"code\": \"print(1)\", \"code\": \"print(2)\"}");
            bodies.forEach((what, body) -> probes.add(new Probe(what, good, "application/json", body)));
            probes.add(new Probe("wrong content type", good, "text/plain", "code=print(1)"));
            probes.add(new Probe("empty body", good, "application/json", ""));
        }
        return probes;
    }

    private static String fill(String template, String id) {
        String encoded = id.contains("%") ? id : URLEncoder.encode(id, StandardCharsets.UTF_8);
        return template.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(encoded));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }
}
