package dev.learnflow.local.sidecar.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A state query (alpha API) as components-contrib's state/query parses it: {@code filter} (one of EQ, NEQ, GT, GTE,
 * LT, LTE with one {@code field: value}; IN with {@code field: [values]}; AND / OR with at least two filters),
 * {@code sort} ({@code [{key, order}]}) and {@code page} ({@code limit}, {@code token}). Field names are dotted
 * paths into the stored JSON value. Errors carry components-contrib's messages.
 */
public record StateQuery(Filter filter, List<Sort> sort, int limit, String token) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A filter node. */
    public sealed interface Filter permits Compare, In, Junction {
    }

    /** EQ, NEQ, GT, GTE, LT, LTE on one field. */
    public record Compare(String op, String key, JsonNode value) implements Filter {
    }

    public record In(String key, List<JsonNode> values) implements Filter {
    }

    /** AND / OR of two or more filters. */
    public record Junction(String op, List<Filter> filters) implements Filter {
    }

    public record Sort(String key, String order) {
    }

    /** Parses the request body; IllegalArgumentException with the component's message on a malformed query. */
    public static StateQuery parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (Exception e) {
            throw new IllegalArgumentException("failed to parse JSON query body: " + e.getMessage());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("failed to parse JSON query body: the query must be a JSON object");
        }
        Filter filter = null;
        JsonNode f = root.path("filter");
        if (f.isObject() && f.size() > 0) {
            filter = filter(f);
        }
        List<Sort> sort = new ArrayList<>();
        for (JsonNode s : root.path("sort")) {
            String order = s.path("order").asText("");
            if (!order.isEmpty() && !order.equalsIgnoreCase("ASC") && !order.equalsIgnoreCase("DESC")) {
                throw new IllegalArgumentException("invalid sort order " + order + " (ASC or DESC)");
            }
            sort.add(new Sort(s.path("key").asText(""), order.toUpperCase(Locale.ROOT)));
        }
        JsonNode page = root.path("page");
        return new StateQuery(filter, List.copyOf(sort), page.path("limit").asInt(0), page.path("token").asText(""));
    }

    private static Filter filter(JsonNode obj) {
        if (!obj.isObject()) {
            throw new IllegalArgumentException("filter unit must be a map");
        }
        if (obj.size() != 1) {
            throw new IllegalArgumentException("filter unit must have a single element");
        }
        Map.Entry<String, JsonNode> e = obj.properties().iterator().next();
        String op = e.getKey();
        JsonNode v = e.getValue();
        switch (op) {
            case "EQ", "NEQ", "GT", "GTE", "LT", "LTE" -> {
                Map.Entry<String, JsonNode> kv = single(op, v);
                return new Compare(op, kv.getKey(), kv.getValue());
            }
            case "IN" -> {
                Map.Entry<String, JsonNode> kv = single(op, v);
                if (!kv.getValue().isArray()) {
                    throw new IllegalArgumentException("IN filter value must be an array");
                }
                List<JsonNode> values = new ArrayList<>();
                kv.getValue().forEach(values::add);
                return new In(kv.getKey(), values);
            }
            case "AND", "OR" -> {
                if (!v.isArray()) {
                    throw new IllegalArgumentException(op + " filter must be an array");
                }
                if (v.size() < 2) {
                    throw new IllegalArgumentException(op + " filter must contain at least two entries");
                }
                List<Filter> filters = new ArrayList<>();
                v.forEach(n -> filters.add(filter(n)));
                return new Junction(op, filters);
            }
            default -> throw new IllegalArgumentException("unsupported filter \"" + op + "\"");
        }
    }

    private static Map.Entry<String, JsonNode> single(String op, JsonNode v) {
        if (!v.isObject()) {
            throw new IllegalArgumentException(op + " filter must be a map");
        }
        if (v.size() != 1) {
            throw new IllegalArgumentException(op + " filter must contain a single key/value pair");
        }
        return v.properties().iterator().next();
    }

    /** A value as the component binds it: Go's {@code fmt.Sprintf("%v")} of the decoded JSON value. */
    public static String goText(JsonNode v) {
        if (v == null || v.isNull()) {
            return "<nil>";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue().stripTrailingZeros();
            double asDouble = d.doubleValue();
            if (Math.abs(asDouble) >= 1e21 || (asDouble != 0 && Math.abs(asDouble) < 1e-4)) {
                return String.format(Locale.ROOT, "%s", asDouble).replace("E", "e+").replace("e+-", "e-");
            }
            return d.toPlainString();
        }
        return v.toString();
    }
}
