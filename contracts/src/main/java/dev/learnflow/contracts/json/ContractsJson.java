package dev.learnflow.contracts.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;

import java.io.UncheckedIOException;

/**
 * The Jackson settings the contracts assume: ISO-8601 strings for {@code Instant}/{@code LocalDate}, unknown
 * properties ignored (tolerant reader, so a producer can add a field before every consumer knows it). Quarkus'
 * default {@code ObjectMapper} already behaves this way; this class is for code outside Quarkus (tests, tools)
 * and for turning raw CloudEvent JSON into a typed {@link CloudEvent}.
 */
public final class ContractsJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private ContractsJson() {
    }

    /** A new mapper with the contract settings; callers may configure it further. */
    public static ObjectMapper newObjectMapper() {
        return configure(new ObjectMapper());
    }

    /** Applies the contract settings to an existing mapper (e.g. in a Quarkus {@code ObjectMapperCustomizer}). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** {@code CloudEvent<Payload>} for the topic, for {@code mapper.readValue(json, eventType(...))}. */
    public static JavaType eventType(TypeFactory types, EventTopic topic) {
        return types.constructParametricType(CloudEvent.class, topic.payloadType());
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an event whose topic the caller knows (a subscriber knows what it subscribed to). */
    public static <T> CloudEvent<T> readEvent(String json, EventTopic topic) {
        try {
            return MAPPER.readValue(json, eventType(MAPPER.getTypeFactory(), topic));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an event of any topic, choosing the payload type from the envelope's {@code type} attribute.
     *
     * @throws IllegalArgumentException if the type is missing or not one of {@link EventTopic}
     */
    public static CloudEvent<?> readEvent(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            String type = tree.path("type").asText(null);
            EventTopic topic = EventTopic.byType(type)
                    .orElseThrow(() -> new IllegalArgumentException("unknown CloudEvent type: " + type));
            return MAPPER.convertValue(tree, eventType(MAPPER.getTypeFactory(), topic));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
