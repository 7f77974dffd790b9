package dev.learnflow.local.sidecar.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.local.sidecar.AppChannel;
import dev.learnflow.local.sidecar.Futures;
import dev.learnflow.local.sidecar.Json;
import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.sidecar.StateApi;
import dev.learnflow.local.sidecar.actors.ActorHost;
import dev.learnflow.local.sidecar.state.StateStore;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Dapr HTTP API ({@code /v1.0/...}) of one sidecar, plus service invocation by {@code dapr-app-id} header on
 * any path. Errors are Dapr-style JSON {@code {"errorCode": ..., "message": ...}}.
 */
public final class HttpApi implements Handler<HttpServerRequest> {

    private static final System.Logger LOG = System.getLogger(HttpApi.class.getName());
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final Sidecar sidecar;

    public HttpApi(Sidecar sidecar) {
        this.sidecar = sidecar;
    }

    /** An HTTP answer. */
    record Answer(int status, MultiMap headers, byte[] body) {
        static Answer empty(int status) {
            return new Answer(status, MultiMap.caseInsensitiveMultiMap(), new byte[0]);
        }

        static Answer json(int status, byte[] body) {
            MultiMap h = MultiMap.caseInsensitiveMultiMap();
            h.set("Content-Type", "application/json");
            return new Answer(status, h, body);
        }
    }

    @Override
    public void handle(HttpServerRequest req) {
        Context ctx = Vertx.currentContext();
        req.body().onComplete(ar -> {
            if (ar.failed()) {
                send(req, Answer.json(400, Json.error("ERR_MALFORMED_REQUEST", "cannot read body: "
                        + ar.cause().getMessage())));
                return;
            }
            Buffer body = ar.result();
            if (body.length() > MAX_BODY) {
                send(req, Answer.json(413, Json.error("ERR_MALFORMED_REQUEST", "request body too large")));
                return;
            }
            Futures.safely(() -> route(req, body.getBytes())).whenComplete((a, e) -> {
                // Most answers (service invocation: the app's reply) complete on the request's own event loop:
                // answered right there, not as one more task queued on it.
                if (((ContextInternal) ctx).nettyEventLoop().inEventLoop()) {
                    answer(req, a, e);
                } else {
                    ctx.runOnContext(v -> answer(req, a, e));
                }
            });
        });
    }

    private static void answer(HttpServerRequest req, Answer a, Throwable e) {
        if (e != null) {
            ApiException api = ApiException.of(e, "ERR_INTERNAL", "");
            if (api.httpStatus() >= 500 && !"ERR_DIRECT_INVOKE".equals(api.errorCode())) {
                LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2}", req.method(), req.path(), api.getMessage());
            }
            send(req, Answer.json(api.httpStatus(), Json.error(api.errorCode(), api.getMessage())));
        } else {
            send(req, a);
        }
    }

    private static void send(HttpServerRequest req, Answer a) {
        HttpServerResponse resp = req.response();
        if (resp.ended() || resp.closed()) {
            return;
        }
        resp.setStatusCode(a.status());
        if (a.headers() != null) {
            for (Map.Entry<String, String> h : a.headers()) {
                if (!AppChannel.HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    resp.headers().add(h.getKey(), h.getValue());
                }
            }
        }
        if (a.status() == 204 || a.status() == 304) {
            resp.end();
        } else {
            resp.end(Buffer.buffer(a.body() == null ? new byte[0] : a.body()));
        }
    }

    private CompletableFuture<Answer> route(HttpServerRequest req, byte[] body) {
        String path = req.path();
        boolean health = path.equals("/v1.0/healthz") || path.equals("/v1.0/healthz/outbound");
        String token = sidecar.apiToken();
        if (token != null && !health) {
            String given = req.getHeader("dapr-api-token");
            if (given == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8))) {
                return CompletableFuture.completedFuture(Answer.json(401, Json.error("ERR_UNAUTHORIZED",
                        "invalid api token")));
            }
        }
        String appIdHeader = req.getHeader("dapr-app-id");
        if (appIdHeader != null && !appIdHeader.isBlank() && !path.startsWith("/v1.0/invoke/")) {
            return invoke(appIdHeader.trim(), req, path, body);
        }
        List<String> seg = segments(path);
        if (seg.size() >= 3 && seg.get(0).equals("v1.0-alpha1") && seg.get(1).equals("publish")
                && seg.get(2).equals("bulk")) {
            return Futures.safely(() -> publishBulk(req, seg, body));
        }
        if (seg.size() == 4 && seg.get(0).equals("v1.0-alpha1") && seg.get(1).equals("state")
                && seg.get(3).equals("query") && (req.method().name().equals("POST") || req.method().name().equals("PUT"))) {
            return Futures.safely(() -> queryState(seg.get(2), body));
        }
        if (seg.size() < 2 || !seg.get(0).equals("v1.0")) {
            return CompletableFuture.completedFuture(Answer.json(404, Json.error("ERR_NOT_FOUND",
                    "no route for " + req.method() + " " + path)));
        }
        String area = seg.get(1);
        String method = req.method().name();
        return Futures.safely(() -> switch (area) {
            case "healthz" -> health(seg);
            case "metadata" -> metadata(method, seg, body);
            case "publish" -> publish(req, seg, body);
            case "state" -> state(req, method, seg, body);
            case "invoke" -> {
                if (seg.size() < 5 || !seg.get(3).equals("method")) {
                    throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "expected /v1.0/invoke/{app-id}/method/{method}");
                }
                // The method is the raw (still encoded) remainder of the path after /v1.0/invoke/{app-id}/method.
                String[] raw = path.split("/", 6);
                yield invoke(seg.get(2), req, raw.length == 6 ? "/" + raw[5] : "/", body);
            }
            case "actors" -> actors(req, method, seg, body);
            default -> CompletableFuture.completedFuture(Answer.json(404, Json.error("ERR_NOT_FOUND",
                    "no route for " + method + " " + path)));
        });
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, String> queryMetadata(HttpServerRequest req) {
        Map<String, String> md = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : req.params()) {
            if (p.getKey().startsWith("metadata.")) {
                md.put(p.getKey().substring("metadata.".length()), p.getValue());
            }
        }
        return md;
    }

    private static ApiException notFound(HttpServerRequest req) {
        return new ApiException(404, io.grpc.Status.Code.NOT_FOUND, "ERR_NOT_FOUND",
                "no route for " + req.method() + " " + req.path());
    }

    // ---------------------------------------------------------------- health and metadata

    private CompletableFuture<Answer> health(List<String> seg) {
        boolean outbound = seg.size() > 2 && seg.get(2).equals("outbound");
        boolean ok = outbound ? sidecar.isOutboundReady() : sidecar.isHealthy();
        return CompletableFuture.completedFuture(ok ? Answer.empty(204)
                : Answer.json(500, Json.error("ERR_HEALTH_NOT_READY", "dapr is not ready")));
    }

    private CompletableFuture<Answer> metadata(String method, List<String> seg, byte[] body) {
        if (seg.size() == 2 && method.equals("GET")) {
            return CompletableFuture.completedFuture(Answer.json(200, Json.bytes(sidecar.metadata())));
        }
        if (seg.size() == 3 && method.equals("PUT")) {
            sidecar.extendedMetadata().put(seg.get(2), new String(body, StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(Answer.empty(204));
        }
        throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "unsupported metadata call");
    }

    // ---------------------------------------------------------------- pub/sub

    private CompletableFuture<Answer> publish(HttpServerRequest req, List<String> seg, byte[] body) {
        String topic = publishTopic(req, seg, 2);
        String contentType = req.getHeader("Content-Type");
        return sidecar.publish(seg.get(2), topic, body, contentType == null ? "text/plain" : contentType,
                queryMetadata(req), req.getHeader("traceparent"), req.getHeader("tracestate"))
                .thenApply(v -> Answer.empty(204));
    }

    /** POST only, with a pubsub name at {@code seg[pubsubAt]}; the topic is the rest of the path ("" if none). */
    private static String publishTopic(HttpServerRequest req, List<String> seg, int pubsubAt) {
        if (!req.method().name().equals("POST")) {
            throw notFound(req);
        }
        if (seg.size() <= pubsubAt) {
            throw new ApiException(404, io.grpc.Status.Code.INVALID_ARGUMENT, "ERR_PUBSUB_EMPTY", "pubsub name is empty");
        }
        return String.join("/", seg.subList(pubsubAt + 1, seg.size()));
    }

    /** POST /v1.0-alpha1/publish/bulk/{pubsub}/{topic}: [{entryId, event, contentType, metadata}]. */
    private CompletableFuture<Answer> publishBulk(HttpServerRequest req, List<String> seg, byte[] body) {
        String topic = publishTopic(req, seg, 3);
        JsonNode array = parse(body);
        if (!array.isArray()) {
            throw new ApiException(400, io.grpc.Status.Code.INVALID_ARGUMENT, "ERR_PUBSUB_EVENTS_SER",
                    "error when unmarshaling the request for topic " + topic + " pubsub " + seg.get(3)
                            + ": expected a JSON array of entries");
        }
        List<Sidecar.BulkEntry> entries = new ArrayList<>();
        for (JsonNode e : array) {
            String contentType = member(e, "contentType").asText("");
            JsonNode event = member(e, "event");
            byte[] data = event.isTextual() && !contentType.contains("json") ? event.asText().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8) : Json.bytes(event);
            Map<String, String> md = new java.util.LinkedHashMap<>();
            member(e, "metadata").properties().forEach(m -> md.put(m.getKey(), m.getValue().asText()));
            entries.add(new Sidecar.BulkEntry(member(e, "entryId").asText(""), data, contentType, md));
        }
        return sidecar.publishBulk(seg.get(3), topic, entries, queryMetadata(req), req.getHeader("traceparent"),
                req.getHeader("tracestate")).thenApply(failed -> {
                    if (failed.isEmpty()) {
                        return Answer.empty(204);
                    }
                    ObjectNode out = Json.object();
                    ArrayNode list = out.putArray("failedEntries");
                    failed.forEach(f -> list.addObject().put("entryId", f.entryId()).put("error", f.error()));
                    out.put("errorCode", "ERR_PUBSUB_PUBLISH_MESSAGE");
                    return Answer.json(500, Json.bytes(out));
                });
    }

    /** A field as Go's encoding/json finds it: the exact name, else any case (the JS SDK sends "entryID"). */
    private static JsonNode member(JsonNode object, String name) {
        if (object.has(name)) {
            return object.get(name);
        }
        for (java.util.Map.Entry<String, JsonNode> f : object.properties()) {
            if (f.getKey().equalsIgnoreCase(name)) {
                return f.getValue();
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    // ---------------------------------------------------------------- state

    private CompletableFuture<Answer> state(HttpServerRequest req, String method, List<String> seg, byte[] body) {
        if (seg.size() < 3) {
            throw ApiException.badRequest("ERR_STATE_STORE_NOT_FOUND", "state store name is empty");
        }
        String store = seg.get(2);
        StateApi state = sidecar.state();
        if (seg.size() == 3 && method.equals("POST")) {
            JsonNode items = parse(body);
            if (!items.isArray()) {
                throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "expected a JSON array of state items");
            }
            List<StateStore.Upsert> list = new ArrayList<>();
            for (JsonNode item : items) {
                list.add(upsert(item, queryMetadata(req)));
            }
            return state.save(store, list).thenApply(v -> Answer.empty(204));
        }
        if (seg.size() == 4 && method.equals("POST") && seg.get(3).equals("bulk")) {
            JsonNode req2 = parse(body);
            List<String> keys = new ArrayList<>();
            req2.path("keys").forEach(k -> keys.add(k.asText()));
            return state.bulkGet(store, keys).thenApply(entries -> {
                ArrayNode out = Json.MAPPER.createArrayNode();
                for (StateStore.Entry e : entries) {
                    ObjectNode n = out.addObject();
                    n.put("key", e.key());
                    if (e.value() != null) {
                        n.set("data", dataNode(e.value()));
                        n.put("etag", e.etag());
                        if (!e.metadata().isEmpty()) {
                            ObjectNode md = n.putObject("metadata");
                            e.metadata().forEach(md::put);
                        }
                    }
                }
                return Answer.json(200, Json.bytes(out));
            });
        }
        if (seg.size() == 4 && method.equals("POST") && seg.get(3).equals("transaction")) {
            JsonNode tx = parse(body);
            List<StateStore.Operation> ops = new ArrayList<>();
            for (JsonNode op : tx.path("operations")) {
                JsonNode r = op.path("request");
                String kind = op.path("operation").asText("");
                switch (kind) {
                    case "upsert" -> ops.add(upsert(r, Map.of()));
                    case "delete" -> ops.add(new StateStore.Delete(r.path("key").asText(""),
                            etag(r.path("etag").asText(null)), firstWrite(r.path("options"))));
                    default -> throw ApiException.badRequest("ERR_NOT_SUPPORTED_STATE_OPERATION",
                            "operation type " + kind + " not supported");
                }
            }
            return state.transact(store, ops).thenApply(v -> Answer.empty(204));
        }
        if (seg.size() == 4 && method.equals("GET")) {
            return state.get(store, seg.get(3)).thenApply(e -> {
                if (e == null) {
                    return Answer.empty(204);
                }
                MultiMap h = MultiMap.caseInsensitiveMultiMap();
                h.set("Content-Type", Json.isValid(e.value()) ? "application/json" : "application/octet-stream");
                if (e.etag() != null) {
                    h.set("ETag", e.etag());
                }
                // daprd returns the response metadata as "metadata.<key>" headers.
                e.metadata().forEach((k, v) -> h.set("metadata." + k, v));
                return new Answer(200, h, e.value());
            });
        }
        if (seg.size() == 4 && method.equals("DELETE")) {
            String concurrency = req.getParam("concurrency");
            if (concurrency != null && !concurrency.equals("first-write") && !concurrency.equals("last-write")) {
                throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "invalid concurrency: " + concurrency);
            }
            return state.delete(store, new StateStore.Delete(seg.get(3), etag(req.getHeader("If-Match")),
                    "first-write".equals(concurrency))).thenApply(v -> Answer.empty(204));
        }
        throw notFound(req);
    }

    /** POST/PUT /v1.0-alpha1/state/{store}/query: {results: [{key, data, etag}], token}; no results = 204. */
    private CompletableFuture<Answer> queryState(String store, byte[] body) {
        return sidecar.state().query(store, new String(body, StandardCharsets.UTF_8)).thenApply(r -> {
            if (r.results().isEmpty()) {
                return Answer.empty(204);
            }
            ObjectNode out = Json.object();
            ArrayNode results = out.putArray("results");
            for (StateApi.QueryItem item : r.results()) {
                ObjectNode n = results.addObject();
                n.put("key", item.key());
                n.set("data", dataNode(item.data()));
                if (item.etag() != null && !item.etag().isEmpty()) {
                    n.put("etag", item.etag());
                }
            }
            if (!r.token().isEmpty()) {
                out.put("token", r.token());
            }
            return Answer.json(200, Json.bytes(out));
        });
    }

    private static JsonNode dataNode(byte[] value) {
        if (Json.isValid(value)) {
            return Json.parse(value);
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(new String(value, StandardCharsets.UTF_8));
    }

    private static String etag(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String e = raw.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e;
    }

    private static boolean firstWrite(JsonNode options) {
        String c = options.path("concurrency").asText("");
        if (!c.isEmpty() && !c.equals("first-write") && !c.equals("last-write")) {
            throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "invalid concurrency: " + c);
        }
        String consistency = options.path("consistency").asText("");
        if (!consistency.isEmpty() && !consistency.equals("eventual") && !consistency.equals("strong")) {
            throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "invalid consistency: " + consistency);
        }
        return c.equals("first-write");
    }

    private static StateStore.Upsert upsert(JsonNode item, Map<String, String> urlMetadata) {
        String key = item.path("key").asText("");
        JsonNode value = item.get("value");
        Map<String, String> md = new LinkedHashMap<>(urlMetadata);
        item.path("metadata").fields().forEachRemaining(f -> md.put(f.getKey(), f.getValue().asText()));
        byte[] bytes = value == null ? "null".getBytes(StandardCharsets.UTF_8) : Json.bytes(value);
        return new StateStore.Upsert(key, new StateStore.Value(bytes, true),
                etag(item.path("etag").isNull() ? null : item.path("etag").asText(null)),
                firstWrite(item.path("options")), StateApi.ttl(md));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("ERR_MALFORMED_REQUEST", e.getMessage());
        }
    }

    // ---------------------------------------------------------------- service invocation

    private CompletableFuture<Answer> invoke(String appId, HttpServerRequest req, String rawPath, byte[] body) {
        // The request's own headers, not a copy: the callee side copies them once for the app (receiveInvocation).
        return sidecar.invoke(appId, req.method().name(), rawPath, req.query(), req.headers(), body)
                .thenApply(r -> new Answer(r.status(), r.headers(), r.body()));
    }

    // ---------------------------------------------------------------- actors

    private CompletableFuture<Answer> actors(HttpServerRequest req, String method, List<String> seg, byte[] body) {
        if (seg.size() < 5) {
            throw notFound(req);
        }
        String type = seg.get(2);
        String id = seg.get(3);
        String what = seg.get(4);
        switch (what) {
            case "method" -> {
                if (seg.size() < 6) {
                    throw notFound(req);
                }
                String m = String.join("/", seg.subList(5, seg.size()));
                Map<String, String> headers = new LinkedHashMap<>();
                for (Map.Entry<String, String> h : req.headers()) {
                    String k = h.getKey().toLowerCase(Locale.ROOT);
                    if (!AppChannel.HOP_BY_HOP.contains(k)) {
                        headers.put(h.getKey(), h.getValue());
                    }
                }
                return sidecar.invokeActor(type, id, m, body, headers)
                        .thenApply(r -> new Answer(r.status(), r.headers(), r.body()));
            }
            case "state" -> {
                ActorHost actors = sidecar.actors();
                if (seg.size() == 6 && method.equals("GET")) {
                    return actors.getState(type, id, seg.get(5)).thenApply(v -> v == null ? Answer.empty(204)
                            : new Answer(200, headers("Content-Type", "application/json"), v));
                }
                if (seg.size() == 5 && (method.equals("POST") || method.equals("PUT"))) {
                    List<ActorHost.StateOp> ops = new ArrayList<>();
                    for (JsonNode op : parse(body)) {
                        JsonNode r = op.path("request");
                        JsonNode value = r.get("value");
                        ops.add(new ActorHost.StateOp(op.path("operation").asText(""), r.path("key").asText(""),
                                value == null ? null : new StateStore.Value(Json.bytes(value), true)));
                    }
                    return actors.transact(type, id, ops).thenApply(v -> Answer.empty(204));
                }
                throw notFound(req);
            }
            case "reminders", "timers" -> {
                if (seg.size() != 6) {
                    throw notFound(req);
                }
                boolean timer = what.equals("timers");
                ActorHost actors = sidecar.actorHostFor(type, id,
                        timer ? "ERR_ACTOR_TIMER_CREATE" : "ERR_ACTOR_REMINDER_CREATE").actors();
                String name = seg.get(5);
                switch (method) {
                    case "POST", "PUT" -> {
                        JsonNode r = body.length == 0 ? Json.object() : parse(body);
                        String dueTime = r.path("dueTime").asText("");
                        String period = r.path("period").asText("");
                        String ttl = r.path("ttl").asText("");
                        JsonNode data = nullIfMissing(r.get("data"));
                        if (!timer) {
                            return actors.registerReminder(type, id, name, dueTime, period, ttl, data)
                                    .thenApply(v -> Answer.empty(204));
                        }
                        actors.registerTimer(type, id, name, dueTime, period, ttl, r.path("callback").asText(""), data);
                        return CompletableFuture.completedFuture(Answer.empty(204));
                    }
                    case "GET" -> {
                        if (timer) {
                            throw notFound(req); // daprd has no GET for timers
                        }
                        JsonNode r = actors.getReminder(type, id, name);
                        if (r == null) {
                            throw new ApiException(404, io.grpc.Status.Code.NOT_FOUND, "ERR_ACTOR_REMINDER_GET",
                                    "reminder " + name + " not found");
                        }
                        return CompletableFuture.completedFuture(Answer.json(200, Json.bytes(r)));
                    }
                    case "DELETE" -> {
                        if (!timer) {
                            return actors.unregisterReminder(type, id, name).thenApply(v -> Answer.empty(204));
                        }
                        actors.unregisterTimer(type, id, name);
                        return CompletableFuture.completedFuture(Answer.empty(204));
                    }
                    default -> throw notFound(req);
                }
            }
            default -> throw notFound(req);
        }
    }

    private static JsonNode nullIfMissing(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    private static MultiMap headers(String k, String v) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        h.set(k, v);
        return h;
    }
}
