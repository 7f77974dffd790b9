package dev.learnflow.contracts.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for record components: absent collections become empty ones so consumers never null-check,
 * and copies keep records immutable. Maps keep their order and may hold JSON nulls (unlike {@code Map.copyOf}).
 */
public final class Immutables {

    private Immutables() {
    }

    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
