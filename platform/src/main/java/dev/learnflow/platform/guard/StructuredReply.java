package dev.learnflow.platform.guard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.learnflow.platform.json.StrictJson;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model asked for JSON answers with parts (hint levels, review findings). A reply that is not that JSON, or that
 * misses what the schema needs, counts as a failed call: the caller answers offline. The parts still pass the
 * guard afterwards.
 */
public final class StructuredReply {

    private static final Pattern WHOLE_FENCE = Pattern.compile("(?s)^\\s*```(?:json)?\\s*\\n(.*?)\\n?```\\s*$");
    private static final int MAX_REPLY = 20_000;
    private static final ObjectMapper STRICT = strictMapper();

    private StructuredReply() {
    }

    /**
     * The services' own strict JSON (duplicate keys, unstorable text, a number or boolean for text are errors), and
     * no guessing the other way either: "1" or 1.5 where the schema wants a whole number is a broken reply.
     */
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        new StrictJson().customize(mapper);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    /**
     * The reply read as {@code type}, when it is exactly one JSON value of that shape (a whole-reply ```json fence
     * is tolerated) and {@code valid} accepts it.
     */
    public static <T> Optional<T> parse(String reply, Class<T> type, Predicate<T> valid) {
        if (reply == null || reply.isBlank() || reply.length() > MAX_REPLY) {
            return Optional.empty();
        }
        Matcher fence = WHOLE_FENCE.matcher(reply);
        String json = fence.matches() ? fence.group(1) : reply.strip();
        try {
            T value = STRICT.readValue(json, type);
            return value != null && valid.test(value) ? Optional.of(value) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
