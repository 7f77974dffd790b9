package dev.learnflow.local.sidecar.resiliency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A circuit breaker's {@code trip} condition: the part of CEL that Dapr's trip expressions use, over the breaker's
 * counts ({@code requests}, {@code totalSuccesses}, {@code totalFailures}, {@code consecutiveSuccesses},
 * {@code consecutiveFailures}): integer literals, {@code + - * / %}, comparisons, {@code ! && ||} and parentheses.
 * As in daprd, an evaluation error (division by zero) means "do not trip".
 */
public record TripExpression(String source, Node root) {

    public static final Set<String> VARIABLES = Set.of("requests", "totalSuccesses", "totalFailures",
            "consecutiveSuccesses", "consecutiveFailures");

    /** Parses {@code text}; fails with IllegalArgumentException on anything outside the subset or not boolean. */
    public static TripExpression parse(String text) {
        Parser p = new Parser(tokenize(text), text);
        Node n = p.or();
        if (p.pos != p.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.pos) + "' in trip expression: " + text);
        }
        if (!n.bool()) {
            throw new IllegalArgumentException("trip expression is not a condition: " + text);
        }
        return new TripExpression(text, n);
    }

    /** True when the breaker should open with these counts. */
    public boolean test(Map<String, Long> counts) {
        try {
            return root.eval(counts) != 0;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return source;
    }

    /** A parsed (sub)expression: booleans evaluate to 1 or 0. */
    interface Node {
        long eval(Map<String, Long> vars);

        boolean bool();
    }

    private record Literal(long value) implements Node {
        public long eval(Map<String, Long> vars) {
            return value;
        }

        public boolean bool() {
            return false;
        }
    }

    private record Variable(String name) implements Node {
        public long eval(Map<String, Long> vars) {
            return vars.getOrDefault(name, 0L);
        }

        public boolean bool() {
            return false;
        }
    }

    private record Not(Node operand) implements Node {
        public long eval(Map<String, Long> vars) {
            return operand.eval(vars) == 0 ? 1 : 0;
        }

        public boolean bool() {
            return true;
        }
    }

    private record Binary(String op, Node left, Node right) implements Node {
        public long eval(Map<String, Long> vars) {
            if (op.equals("&&")) {
                return left.eval(vars) != 0 && right.eval(vars) != 0 ? 1 : 0;
            }
            if (op.equals("||")) {
                return left.eval(vars) != 0 || right.eval(vars) != 0 ? 1 : 0;
            }
            long a = left.eval(vars);
            long b = right.eval(vars);
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/" -> a / b;
                case "%" -> a % b;
                case ">" -> a > b ? 1 : 0;
                case ">=" -> a >= b ? 1 : 0;
                case "<" -> a < b ? 1 : 0;
                case "<=" -> a <= b ? 1 : 0;
                case "==" -> a == b ? 1 : 0;
                default -> a != b ? 1 : 0;
            };
        }

        public boolean bool() {
            return Set.of("&&", "||", ">", ">=", "<", "<=", "==", "!=").contains(op);
        }
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                if (Set.of(">=", "<=", "==", "!=", "&&", "||").contains(two)) {
                    out.add(two);
                    i += 2;
                } else if ("+-*/%<>!()".indexOf(c) >= 0) {
                    out.add(String.valueOf(c));
                    i++;
                } else {
                    throw new IllegalArgumentException("unexpected '" + c + "' in trip expression: " + text);
                }
            }
        }
        return out;
    }

    private static final class Parser {
        final List<String> tokens;
        final String text;
        int pos;

        Parser(List<String> tokens, String text) {
            this.tokens = tokens;
            this.text = text;
        }

        String peek() {
            return pos < tokens.size() ? tokens.get(pos) : "";
        }

        boolean accept(String t) {
            if (peek().equals(t)) {
                pos++;
                return true;
            }
            return false;
        }

        Node or() {
            Node n = and();
            while (accept("||")) {
                n = new Binary("||", n, and());
            }
            return n;
        }

        Node and() {
            Node n = comparison();
            while (accept("&&")) {
                n = new Binary("&&", n, comparison());
            }
            return n;
        }

        Node comparison() {
            Node n = sum();
            for (String op : List.of(">=", "<=", "==", "!=", ">", "<")) {
                if (accept(op)) {
                    return new Binary(op, n, sum());
                }
            }
            return n;
        }

        Node sum() {
            Node n = product();
            while (true) {
                if (accept("+")) {
                    n = new Binary("+", n, product());
                } else if (accept("-")) {
                    n = new Binary("-", n, product());
                } else {
                    return n;
                }
            }
        }

        Node product() {
            Node n = unary();
            while (true) {
                String op = peek();
                if (op.equals("*") || op.equals("/") || op.equals("%")) {
                    pos++;
                    n = new Binary(op, n, unary());
                } else {
                    return n;
                }
            }
        }

        Node unary() {
            if (accept("!")) {
                return new Not(unary());
            }
            if (accept("-")) {
                return new Binary("-", new Literal(0), unary());
            }
            if (accept("(")) {
                Node n = or();
                if (!accept(")")) {
                    throw new IllegalArgumentException("missing ')' in trip expression: " + text);
                }
                return n;
            }
            String t = peek();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("trip expression ends early: " + text);
            }
            pos++;
            if (Character.isDigit(t.charAt(0))) {
                return new Literal(Long.parseLong(t));
            }
            if (VARIABLES.contains(t)) {
                return new Variable(t);
            }
            throw new IllegalArgumentException("unknown name '" + t + "' in trip expression (known: "
                    + String.join(", ", VARIABLES.stream().sorted().toList()) + "): " + text);
        }
    }
}
