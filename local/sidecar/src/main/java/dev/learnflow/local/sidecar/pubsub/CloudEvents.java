package dev.learnflow.local.sidecar.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.learnflow.local.sidecar.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds the CloudEvents 1.0 envelopes daprd publishes. */
public final class CloudEvents {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String DEFAULT_TYPE = "com.dapr.event.sent";
    public static final String SPEC_VERSION = "1.0";

    private CloudEvents() {
    }

    public static boolean isCloudEventContentType(String contentType) {
        return contentType != null && baseType(contentType).equals(CONTENT_TYPE);
    }

    static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isJsonContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String base = baseType(contentType);
        return base.equals("application/json") || base.endsWith("+json") || base.equals("text/json");
    }

    static boolean isBinaryContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String base = baseType(contentType);
        return base.equals("application/octet-stream") || base.startsWith("application/x-protobuf")
                || base.equals("application/protobuf");
    }

    /** What the publisher gave: payload, its content type, and the trace context of the publish call. */
    public record Publish(String pubsub, String topic, byte[] data, String contentType, String sourceAppId,
                          String traceparent, String tracestate, Map<String, String> metadata) {
    }

    /**
     * The envelope to put on the broker: the publisher's own CloudEvent (application/cloudevents+json) with topic,
     * pubsubname and trace fields set, or a new envelope around the data.
     */
    public static ObjectNode envelope(Publish p) {
        ObjectNode ce;
        if (isCloudEventContentType(p.contentType())) {
            JsonNode parsed = Json.parse(p.data());
            if (!parsed.isObject()) {
                throw new IllegalArgumentException("a cloudevents+json payload must be a JSON object");
            }
            ce = (ObjectNode) parsed;
            if (!ce.hasNonNull("id")) {
                ce.put("id", UUID.randomUUID().toString());
            }
            if (!ce.hasNonNull("source")) {
                ce.put("source", "Dapr");
            }
            if (!ce.hasNonNull("type")) {
                ce.put("type", DEFAULT_TYPE);
            }
            if (!ce.hasNonNull("specversion")) {
                ce.put("specversion", SPEC_VERSION);
            }
        } else {
            String contentType = p.contentType() == null || p.contentType().isBlank() ? "text/plain" : p.contentType();
            ce = Json.object();
            ce.put("id", UUID.randomUUID().toString());
            ce.put("source", p.sourceAppId());
            ce.put("type", DEFAULT_TYPE);
            ce.put("specversion", SPEC_VERSION);
            ce.put("datacontenttype", contentType);
            ce.put("time", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            if (isJsonContentType(contentType) && Json.isValid(p.data())) {
                ce.set("data", Json.parse(p.data()));
            } else if (isBinaryContentType(contentType)) {
                ce.put("data_base64", Base64.getEncoder().encodeToString(p.data()));
            } else {
                ce.put("data", new String(p.data(), StandardCharsets.UTF_8));
            }
        }
        // Per-request overrides daprd accepts as metadata.
        Map<String, String> md = p.metadata();
        override(ce, md, "cloudevent.id", "id");
        override(ce, md, "cloudevent.source", "source");
        override(ce, md, "cloudevent.type", "type");
        ce.put("topic", p.topic());
        ce.put("pubsubname", p.pubsub());
        ce.put("traceid", p.traceparent());
        ce.put("traceparent", p.traceparent());
        ce.put("tracestate", p.tracestate() == null ? "" : p.tracestate());
        String ttl = md.get("ttlInSeconds");
        if (ttl != null && !ttl.isBlank()) {
            long seconds = Long.parseLong(ttl.trim());
            ce.put("expiration", Instant.now().plusSeconds(seconds).toString());
        }
        return ce;
    }

    private static void override(ObjectNode ce, Map<String, String> md, String key, String field) {
        String v = md.get(key);
        if (v != null && !v.isBlank()) {
            ce.set(field, TextNode.valueOf(v));
        }
    }

    /** The envelope daprd builds on the subscriber side for a rawPayload subscription. */
    public static ObjectNode fromRawPayload(byte[] data, String topic, String pubsub) {
        ObjectNode ce = Json.object();
        ce.put("id", UUID.randomUUID().toString());
        ce.put("source", "");
        ce.put("type", DEFAULT_TYPE);
        ce.put("specversion", SPEC_VERSION);
        ce.put("datacontenttype", "application/octet-stream");
        ce.put("topic", topic);
        ce.put("pubsubname", pubsub);
        ce.put("data_base64", Base64.getEncoder().encodeToString(data));
        return ce;
    }

    public static boolean hasExpired(JsonNode ce) {
        JsonNode exp = ce.get("expiration");
        if (exp == null || !exp.isTextual()) {
            return false;
        }
        try {
            return OffsetDateTime.parse(exp.asText()).toInstant().isBefore(Instant.now());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
