package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The sidecar's one JSON mapper and a few helpers. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    /** True when the bytes are one complete JSON value (what Go's json.Valid says). */
    public static boolean isValid(byte[] data) {
        if (data == null || data.length == 0) {
            return false;
        }
        try (JsonParser parser = MAPPER.getFactory().createParser(data)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    public static JsonNode parse(byte[] data) {
        try {
            return MAPPER.readTree(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A Dapr-style error body: {"errorCode": ..., "message": ...}. */
    public static byte[] error(String errorCode, String message) {
        ObjectNode node = object();
        node.put("errorCode", errorCode);
        node.put("message", message);
        return bytes(node);
    }

    static boolean isObjectStart(byte[] data) {
        try (JsonParser parser = MAPPER.getFactory().createParser(data)) {
            return parser.nextToken() == JsonToken.START_OBJECT;
        } catch (IOException e) {
            return false;
        }
    }
}
