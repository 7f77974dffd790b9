package dev.learnflow.platform.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON every service accepts:
 * <ul>
 * <li>a key given twice is ambiguous (parsers disagree on which one wins, a classic way to slip a value past one
 * component and into another): refused as malformed instead of guessed;</li>
 * <li>text with a NUL character or an unpaired UTF-16 surrogate is not text any store or language we use can keep
 * (PostgreSQL refuses both, Python source cannot contain NUL): refused at the door, not half-way through a flow;</li>
 * <li>a number or boolean where the contract says text is a client's mistake, not a value to guess: Jackson would
 * turn {@code {"question": 5}} into the question "5"; it is a 400 problem instead.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("learnflow-strict-text").addDeserializer(String.class, new Text()));
    }

    /** The standard string deserializer, then a check that the text is storable. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && (p.currentToken().isNumeric() || p.currentToken().isBoolean())) {
                // The coercion config above says so too; our own deserializer must not undo it.
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && !storable(value)) {
                throw InvalidFormatException.from(p, "text must not contain NUL characters or unpaired surrogates",
                        value, String.class);
            }
            return value;
        }
    }

    static boolean storable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
