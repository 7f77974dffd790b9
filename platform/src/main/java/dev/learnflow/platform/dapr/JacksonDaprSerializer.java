package dev.learnflow.platform.dapr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dapr.serializer.DaprObjectSerializer;
import io.dapr.utils.TypeRef;

import java.io.IOException;

/**
 * Serialises Dapr payloads and state with the application's ObjectMapper, so events and state use exactly
 * the same JSON (java.time, enum names, records) as the REST API. Also the serializer for actor calls and reminder
 * data (the SDK's default has no java.time); actor <em>state</em> must stay with the SDK's default, whose bytes the
 * SDK itself expects back.
 */
public final class JacksonDaprSerializer implements DaprObjectSerializer {

    private final ObjectMapper mapper;

    public JacksonDaprSerializer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public byte[] serialize(Object value) throws IOException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        return mapper.writeValueAsBytes(value);
    }

    @Override
    public <T> T deserialize(byte[] data, TypeRef<T> type) throws IOException {
        if (data == null || data.length == 0) {
            return null;
        }
        return mapper.readValue(data, mapper.getTypeFactory().constructType(type.getType()));
    }

    @Override
    public String getContentType() {
        return "application/json";
    }
}
