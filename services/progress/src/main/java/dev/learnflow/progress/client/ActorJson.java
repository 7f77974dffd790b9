package dev.learnflow.progress.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dapr.serializer.DaprObjectSerializer;
import io.dapr.utils.TypeRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;

/**
 * Actor call payloads and reminder data as JSON written by the app's ObjectMapper (java.time, records, wire
 * enums), on both sides of a call. The SDK's default serializer has no java.time support.
 * <p>Workaround: platform's JacksonDaprSerializer does exactly this but is package-private; once platform exposes
 * it, this class goes.
 */
@ApplicationScoped
public class ActorJson implements DaprObjectSerializer {

    private final ObjectMapper mapper;

    @Inject
    public ActorJson(ObjectMapper mapper) {
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
