package dev.learnflow.local.sidecar.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.sidecar.SidecarConfigException;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code spec.accessControl} section of a Dapr Configuration, evaluated the way daprd's callee sidecar does:
 * global default action; a policy per (caller app id, namespace) whose trust domain and namespace must match the
 * caller's identity; the policy's own default action; operations matched segment by segment with "*" (one
 * segment, or a glob inside a segment) and "**" (the rest of the path), then the HTTP verb list ("*" = any verb).
 * Matching of HTTP operations is case-insensitive, after the path is normalised (dot segments, duplicate and
 * trailing slashes removed).
 */
public final class AccessControl {

    public static final String ALLOW = "allow";
    public static final String DENY = "deny";

    /** What the callee knows about its caller (the SPIFFE identity daprd reads from the mTLS certificate). */
    public record CallerIdentity(String appId, String trustDomain, String namespace) {
    }

    /** The decision and, for a denial, the message daprd would put in its error. */
    public record Decision(boolean allowed, String message) {
    }

    private static final Decision ALLOWED = new Decision(true, null);

    private final String defaultAction;
    private final String trustDomain;
    private final Map<String, AppPolicy> policies;

    private AccessControl(String defaultAction, String trustDomain, Map<String, AppPolicy> policies) {
        this.defaultAction = defaultAction;
        this.trustDomain = trustDomain;
        this.policies = policies;
    }

    /** No accessControl section: everything is allowed. */
    public static AccessControl none() {
        return null;
    }

    public String trustDomain() {
        return trustDomain;
    }

    private record AppPolicy(String appId, String defaultAction, String trustDomain, String namespace, Node operations) {
    }

    /** Builds the policy set from the accessControl node; returns null when the section is absent or empty. */
    public static AccessControl parse(JsonNode node, String source) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String td = node.path("trustDomain").asText("");
        String def = node.path("defaultAction").asText("");
        JsonNode pols = node.path("policies");
        if (td.isEmpty() && def.isEmpty() && (!pols.isArray() || pols.isEmpty())) {
            return null;
        }
        if (td.isEmpty()) {
            td = "public";
        }
        if (def.isEmpty()) {
            def = pols.isArray() && !pols.isEmpty() ? DENY : ALLOW;
        }
        Map<String, AppPolicy> map = new HashMap<>();
        List<String> invalid = new ArrayList<>();
        for (JsonNode p : pols) {
            String appId = p.path("appId").asText("");
            String ptd = p.path("trustDomain").asText("");
            String ns = p.path("namespace").asText("");
            if (appId.isEmpty() || ptd.isEmpty() || ns.isEmpty()) {
                invalid.add(appId.isEmpty() ? "<no appId>" : appId);
                continue;
            }
            Node root = new Node("/");
            for (JsonNode op : p.path("operations")) {
                String name = op.path("name").asText("");
                if (!name.startsWith("/")) {
                    name = "/" + name;
                }
                name = name.toLowerCase(Locale.ROOT);
                Map<String, String> verbs = new HashMap<>();
                String action = op.path("action").asText("");
                for (JsonNode verb : op.path("httpVerb")) {
                    verbs.put(verb.asText().toUpperCase(Locale.ROOT), action);
                }
                root.put(name, new OperationAction(name, verbs, action));
            }
            map.put(appId + "||" + ns, new AppPolicy(appId, p.path("defaultAction").asText(""), ptd, ns, root));
        }
        if (!invalid.isEmpty()) {
            throw new SidecarConfigException(source + ": invalid access control spec: policies need appId, "
                    + "trustDomain and namespace; check " + invalid);
        }
        return new AccessControl(def, td, map);
    }

    /**
     * Decides an HTTP invocation of {@code operation} (the path the caller asked for, without query) with
     * {@code verb}, from {@code caller}.
     */
    public Decision check(CallerIdentity caller, String operation, String verb) {
        String normalized;
        try {
            normalized = normalize(operation);
        } catch (IllegalArgumentException e) {
            return new Decision(false, "error in method normalization: " + e.getMessage());
        }
        boolean allowed = evaluate(caller, normalized, verb);
        if (allowed) {
            return ALLOWED;
        }
        // daprd names the caller by its SPIFFE id and the operation as the method it received (no leading slash).
        String who = caller == null ? "" : "spiffe://" + caller.trustDomain() + "/ns/" + caller.namespace() + "/"
                + caller.appId();
        String operationName = normalized.startsWith("/") ? normalized.substring(1) : normalized;
        return new Decision(false, "access control policy has denied access to id: " + who
                + " operation: " + operationName + " verb: " + verb);
    }

    private boolean evaluate(CallerIdentity caller, String operation, String verb) {
        String action = defaultAction;
        if (caller == null || caller.appId() == null || caller.appId().isEmpty()) {
            return isAllow(action);
        }
        AppPolicy policy = policies.get(caller.appId() + "||" + caller.namespace());
        if (policy == null || !policy.trustDomain().equals(caller.trustDomain())
                || !policy.namespace().equals(caller.namespace())) {
            return isAllow(action);
        }
        if (!policy.defaultAction().isEmpty()) {
            action = policy.defaultAction();
        }
        String op = operation.startsWith("/") ? operation : "/" + operation;
        op = op.toLowerCase(Locale.ROOT);
        OperationAction match = policy.operations().search(op);
        if (match != null) {
            String verbAction = match.verbs().get(verb.toUpperCase(Locale.ROOT));
            if (verbAction == null) {
                verbAction = match.verbs().get("*");
            }
            if (verbAction != null) {
                action = verbAction;
            }
        }
        return isAllow(action);
    }

    private static boolean isAllow(String action) {
        return ALLOW.equalsIgnoreCase(action);
    }

    /** Path normalisation: duplicate slashes, dot segments and a trailing slash go; "/.." above the root fails. */
    static String normalize(String operation) {
        String path = operation;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (isPlain(path)) {
            // Nothing to collapse, resolve or escape (every routed call's path, e.g. /internal/students/<id>/streak):
            // the same answer as below without a regex, a URI parse and its copies per invocation (issue 19).
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
        path = path.replaceAll("/{2,}", "/");
        String resolved = URI.create("http://h" + escapeForUri(path)).normalize().getRawPath();
        if (resolved.startsWith("/..")) {
            throw new IllegalArgumentException("path escapes the root: " + operation);
        }
        if (resolved.length() > 1 && resolved.endsWith("/")) {
            resolved = resolved.substring(0, resolved.length() - 1);
        }
        return resolved.isEmpty() ? "/" : resolved;
    }

    /**
     * True when {@link #normalize}'s slow path would return {@code path} unchanged but for a trailing slash: no
     * duplicate slash, no dot segment (conservatively: no "/." at all), and only characters a URI path takes
     * as they are (unreserved, sub-delims, ':' and '@'; no '%', which the URI parser checks).
     */
    private static boolean isPlain(String path) {
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                if (previous == '/') {
                    return false;
                }
            } else if (c == '.') {
                if (previous == '/') {
                    return false;
                }
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '~' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '('
                    || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == ':'
                    || c == '@')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static String escapeForUri(String path) {
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{'
                    || c == '|' || c == '}' || c == '#' || c < 0x20 || c > 0x7e) {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private record OperationAction(String name, Map<String, String> verbs, String action) {
    }

    /** A path-segment tree, one node per "/segment", searched with daprd's wildcard rules. */
    private static final class Node {
        final String segment;
        OperationAction data;
        final List<Node> children = new ArrayList<>();

        Node(String segment) {
            this.segment = segment;
        }

        void put(String operation, OperationAction action) {
            String[] parts = operation.split("/", -1);
            Node node = this;
            for (int i = 1; i < parts.length; i++) {
                String seg = "/" + parts[i];
                Node child = null;
                for (Node c : node.children) {
                    if (c.segment.equals(seg)) {
                        child = c;
                        break;
                    }
                }
                boolean last = i == parts.length - 1;
                if (child == null) {
                    child = new Node(seg);
                    node.children.add(child);
                    if (last) {
                        child.data = action;
                    }
                } else if (last && child.data == null) {
                    child.data = action; // the first registration of an operation wins
                }
                node = child;
            }
        }

        OperationAction search(String operation) {
            String[] parts = operation.split("/", -1);
            Node node = this;
            for (int i = 1; i < parts.length; i++) {
                boolean end = i == parts.length - 1;
                node = node.child("/" + parts[i], end);
                if (node == null) {
                    return null;
                }
                if (node.data != null) {
                    boolean singleWildcard = node.segment.endsWith("/*") && !node.segment.endsWith("/**");
                    if (!end && singleWildcard) {
                        continue;
                    }
                    return node.data;
                } else if (end) {
                    Node wildcard = node.child("/*", true);
                    if (wildcard != null && wildcard.data != null) {
                        return wildcard.data;
                    }
                }
            }
            return null;
        }

        private Node child(String seg, boolean end) {
            for (Node c : children) {
                if (c.segment.equals(seg)) {
                    return c;
                }
                if (c.segment.equals("/*")) {
                    if (end) {
                        return c;
                    }
                    continue;
                }
                if (c.segment.equals("/**")) {
                    return c;
                }
                if (glob(seg, c.segment)) {
                    return c;
                }
            }
            return null;
        }

        /** '*' inside a pattern matches any run of characters (including none). */
        private static boolean glob(String text, String pattern) {
            int t = 0;
            int p = 0;
            int star = -1;
            int mark = 0;
            while (t < text.length()) {
                if (p < pattern.length() && pattern.charAt(p) == text.charAt(t) && pattern.charAt(p) != '*') {
                    t++;
                    p++;
                } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                    star = p++;
                    mark = t;
                } else if (star >= 0) {
                    p = star + 1;
                    t = ++mark;
                } else {
                    return false;
                }
            }
            while (p < pattern.length() && pattern.charAt(p) == '*') {
                p++;
            }
            return p == pattern.length();
        }
    }
}
