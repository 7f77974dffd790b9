package dev.learnflow.local.sidecar.pubsub;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The small subset of CEL that routing rules need here: {@code event.<field>[.<field>] == / != <literal>}, combined
 * with {@code &&} and {@code ||} (no parentheses). Anything else is refused when the subscription is loaded.
 */
final class RouteMatcher {

    private record Term(List<String> path, boolean equals, String literal) {
    }

    private final List<List<Term>> anyOf = new ArrayList<>();

    RouteMatcher(String expression) {
        for (String alternative : expression.split("\\|\\|")) {
            List<Term> all = new ArrayList<>();
            for (String part : alternative.split("&&")) {
                all.add(term(part.trim(), expression));
            }
            anyOf.add(all);
        }
    }

    private static Term term(String text, String whole) {
        int op = text.indexOf("==");
        boolean eq = true;
        if (op < 0) {
            op = text.indexOf("!=");
            eq = false;
        }
        if (op < 0) {
            throw new IllegalArgumentException("unsupported routing expression: " + whole);
        }
        String left = text.substring(0, op).trim();
        String right = text.substring(op + 2).trim();
        if (!left.startsWith("event.")) {
            throw new IllegalArgumentException("unsupported routing expression (left side must be event.<field>): "
                    + whole);
        }
        String literal;
        if ((right.startsWith("\"") && right.endsWith("\"") || right.startsWith("'") && right.endsWith("'"))
                && right.length() >= 2) {
            literal = right.substring(1, right.length() - 1);
        } else if (right.matches("-?[0-9.]+|true|false")) {
            literal = right;
        } else {
            throw new IllegalArgumentException("unsupported routing expression (right side must be a literal): "
                    + whole);
        }
        return new Term(List.of(left.substring("event.".length()).split("\\.")), eq, literal);
    }

    boolean matches(JsonNode event) {
        for (List<Term> all : anyOf) {
            boolean ok = true;
            for (Term t : all) {
                JsonNode n = event;
                for (String p : t.path()) {
                    n = n == null ? null : n.get(p);
                }
                boolean same = n != null && !n.isNull() && n.asText().equals(t.literal());
                if (same != t.equals()) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
