package dev.learnflow.contracts.json;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum whose JSON form is a lower-case word ({@code "student"}, {@code "hidden_unless_failing"}) while the Java
 * constants stay upper-case. Each enum puts {@code @JsonValue} on its own {@link #value()} (Jackson, SmallRye
 * OpenAPI and the schema generator all read it there) and offers {@code fromString}, which JAX-RS uses for query
 * and path parameters.
 */
public interface WireValue {

    /** The value as it appears on the wire. */
    String value();

    /**
     * Parses the wire value (case-insensitively, also accepting the constant's name) or throws an
     * {@link IllegalArgumentException} that lists the accepted values, which makes a readable 400.
     */
    static <E extends Enum<E> & WireValue> E parse(Class<E> type, String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.value().equals(wanted) || constant.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(WireValue::value).collect(Collectors.joining(", ")));
    }
}
