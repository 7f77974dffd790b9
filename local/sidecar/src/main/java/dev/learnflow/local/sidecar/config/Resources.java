package dev.learnflow.local.sidecar.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.learnflow.local.sidecar.SidecarConfigException;
import dev.learnflow.local.sidecar.resiliency.Resiliency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Loads a Dapr resources directory (components and declarative subscriptions), the way daprd's
 * {@code --resources-path} does: every *.yaml / *.yml file, several documents per file allowed, other kinds
 * ignored. Secret references are resolved through the secret store named in {@code auth.secretStore}.
 */
public final class Resources {

    public static final Set<String> SUPPORTED_TYPES = Set.of(
            "pubsub.kafka", "pubsub.in-memory", "state.postgresql", "state.in-memory", "secretstores.local.env");

    private static final System.Logger LOG = System.getLogger(Resources.class.getName());
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<ComponentSpec> components;
    private final List<SubscriptionSpec> subscriptions;
    private final List<Resiliency.Document> resiliencies;

    private Resources(List<ComponentSpec> components, List<SubscriptionSpec> subscriptions,
                      List<Resiliency.Document> resiliencies) {
        this.components = components;
        this.subscriptions = subscriptions;
        this.resiliencies = resiliencies;
    }

    /** The {@code kind: Resiliency} documents found (daprd loads them from the resources path too). */
    public List<Resiliency.Document> resiliencies() {
        return resiliencies;
    }

    /** The {@code kind: Resiliency} documents of one file (other kinds ignored). */
    public static List<Resiliency.Document> resiliencyFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SidecarConfigException("resiliency file " + file + " does not exist");
        }
        List<Resiliency.Document> out = new ArrayList<>();
        for (JsonNode doc : readDocuments(file)) {
            if ("Resiliency".equals(doc.path("kind").asText(""))) {
                out.add(new Resiliency.Document(doc, file.toString()));
            }
        }
        if (out.isEmpty()) {
            throw new SidecarConfigException(file + ": no document of kind Resiliency");
        }
        return out;
    }

    public List<ComponentSpec> components() {
        return components;
    }

    public List<SubscriptionSpec> declarativeSubscriptions() {
        return subscriptions;
    }

    public static Resources empty() {
        return new Resources(List.of(), List.of(), List.of());
    }

    private record RawDoc(JsonNode node, Path file) {
    }

    /**
     * Loads {@code dir} for {@code appId}. Components scoped to other apps are skipped. Fails with a message naming
     * the file on anything daprd would refuse or this sidecar cannot serve.
     */
    public static Resources load(Path dir, String appId, String namespace, Map<String, String> env) {
        if (dir == null) {
            return empty();
        }
        if (!Files.isDirectory(dir)) {
            throw new SidecarConfigException("resources directory " + dir + " does not exist");
        }
        List<RawDoc> componentDocs = new ArrayList<>();
        List<RawDoc> subscriptionDocs = new ArrayList<>();
        List<Resiliency.Document> resiliencyDocs = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new SidecarConfigException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            for (JsonNode doc : readDocuments(file)) {
                String kind = doc.path("kind").asText("");
                switch (kind) {
                    case "Component" -> componentDocs.add(new RawDoc(doc, file));
                    case "Subscription" -> subscriptionDocs.add(new RawDoc(doc, file));
                    case "Resiliency" -> resiliencyDocs.add(new Resiliency.Document(doc, file.toString()));
                    default -> LOG.log(System.Logger.Level.DEBUG, "{0}: ignoring document of kind ''{1}''", file, kind);
                }
            }
        }

        // Secret stores first (they cannot use secret references themselves), then everything else.
        Map<String, ComponentSpec> byName = new LinkedHashMap<>();
        Map<String, Map<String, String>> secretStores = new LinkedHashMap<>();
        for (RawDoc raw : componentDocs) {
            if (raw.node().path("spec").path("type").asText("").startsWith("secretstores.")) {
                ComponentSpec spec = toComponent(raw, appId, namespace, env, Map.of());
                if (spec != null) {
                    register(byName, spec);
                    secretStores.put(spec.name(), envSecrets(spec, env));
                }
            }
        }
        for (RawDoc raw : componentDocs) {
            if (!raw.node().path("spec").path("type").asText("").startsWith("secretstores.")) {
                ComponentSpec spec = toComponent(raw, appId, namespace, env, secretStores);
                if (spec != null) {
                    register(byName, spec);
                }
            }
        }
        List<SubscriptionSpec> subs = new ArrayList<>();
        for (RawDoc raw : subscriptionDocs) {
            List<String> scopes = strings(raw.node().path("scopes"));
            if (!scopes.isEmpty() && !scopes.contains(appId)) {
                continue;
            }
            try {
                subs.add(parseSubscription(raw.node().path("spec"), raw.node().path("apiVersion").asText("")));
            } catch (IllegalArgumentException e) {
                throw new SidecarConfigException(raw.file() + ": invalid Subscription: " + e.getMessage(), e);
            }
        }
        return new Resources(List.copyOf(byName.values()), List.copyOf(subs), List.copyOf(resiliencyDocs));
    }

    private static void register(Map<String, ComponentSpec> byName, ComponentSpec spec) {
        ComponentSpec previous = byName.putIfAbsent(spec.name(), spec);
        if (previous != null) {
            throw new SidecarConfigException("component name '" + spec.name() + "' is defined twice: in "
                    + previous.file() + " and in " + spec.file());
        }
    }

    private static List<JsonNode> readDocuments(Path file) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && n.isObject()) {
                    docs.add(n);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new SidecarConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    private static ComponentSpec toComponent(RawDoc raw, String appId, String namespace, Map<String, String> env,
                                             Map<String, Map<String, String>> secretStores) {
        JsonNode doc = raw.node();
        Path file = raw.file();
        String name = doc.path("metadata").path("name").asText("");
        if (name.isBlank()) {
            throw new SidecarConfigException(file + ": component without metadata.name");
        }
        List<String> scopes = strings(doc.path("scopes"));
        if (!scopes.isEmpty() && !scopes.contains(appId)) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: component {1} is scoped to {2}, not loaded for {3}",
                    file, name, scopes, appId);
            return null;
        }
        JsonNode spec = doc.path("spec");
        String type = spec.path("type").asText("");
        String version = spec.path("version").asText("v1");
        if (type.isBlank()) {
            throw new SidecarConfigException(file + ": component '" + name + "' has no spec.type");
        }
        if (!SUPPORTED_TYPES.contains(type)) {
            throw new SidecarConfigException(file + ": component '" + name + "' has type '" + type
                    + "', which the LearnFlow local sidecar does not support (supported: "
                    + String.join(", ", SUPPORTED_TYPES.stream().sorted().toList()) + ")");
        }
        if (!version.equals("v1")) {
            throw new SidecarConfigException(file + ": component '" + name + "' (" + type + ") has version '"
                    + version + "'; only v1 is supported");
        }
        String secretStore = doc.path("auth").path("secretStore").asText("");
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode items = spec.path("metadata");
        if (!items.isMissingNode() && !items.isNull() && !items.isArray()) {
            throw new SidecarConfigException(file + ": component '" + name + "': spec.metadata must be a list");
        }
        for (JsonNode item : items) {
            String key = item.path("name").asText("");
            if (key.isBlank()) {
                throw new SidecarConfigException(file + ": component '" + name + "': metadata item without a name");
            }
            String value;
            JsonNode ref = item.get("secretKeyRef");
            if (ref != null && !ref.isNull()) {
                value = resolveSecret(file, name, ref, secretStore, secretStores, env);
            } else {
                JsonNode v = item.get("value");
                value = v == null || v.isNull() ? "" : (v.isValueNode() ? v.asText() : v.toString());
            }
            metadata.put(key, template(value, appId, namespace));
        }
        return new ComponentSpec(name, type, version, Map.copyOf(metadata), scopes, file);
    }

    private static String resolveSecret(Path file, String component, JsonNode ref, String secretStore,
                                        Map<String, Map<String, String>> stores, Map<String, String> env) {
        String secretName = ref.path("name").asText("");
        String key = ref.path("key").asText("");
        if (secretName.isBlank()) {
            throw new SidecarConfigException(file + ": component '" + component + "': secretKeyRef without a name");
        }
        Map<String, String> secrets;
        String storeLabel;
        if (secretStore.isBlank()) {
            // daprd (self-hosted) has no default secret store; we read the environment, which is what our only
            // secret store would do anyway.
            secrets = env;
            storeLabel = "the environment";
        } else {
            secrets = stores.get(secretStore);
            storeLabel = "secret store '" + secretStore + "'";
            if (secrets == null) {
                throw new SidecarConfigException(file + ": component '" + component + "' refers to secret store '"
                        + secretStore + "', which is not defined (or not a secretstores.local.env component)");
            }
        }
        // A local.env secret is a map {name: value}; the key must name that one entry (or be empty).
        if (!key.isBlank() && !key.equals(secretName)) {
            throw new SidecarConfigException(file + ": component '" + component + "': secret '" + secretName
                    + "' has no key '" + key + "' in " + storeLabel);
        }
        String value = secrets.get(secretName);
        if (value == null) {
            throw new SidecarConfigException(file + ": component '" + component + "': secret '" + secretName
                    + "' not found in " + storeLabel + " (set the environment variable " + secretName + ")");
        }
        return value;
    }

    /** The secrets a secretstores.local.env component exposes: the environment, filtered by its optional prefix. */
    static Map<String, String> envSecrets(ComponentSpec spec, Map<String, String> env) {
        String prefix = spec.get("prefix", "");
        if (prefix.isEmpty()) {
            return env;
        }
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    static String template(String value, String appId, String namespace) {
        if (value.indexOf('{') < 0) {
            return value;
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return value.replace("{appID}", appId).replace("{namespace}", namespace)
                .replace("{podName}", host).replace("{uuid}", UUID.randomUUID().toString());
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /**
     * One subscription in either the v1 shape (route) or the v2 shape (routes.rules + routes.default), as both
     * {@code GET /dapr/subscribe} and declarative Subscription specs use.
     */
    public static SubscriptionSpec parseSubscription(JsonNode node, String apiVersion) {
        String pubsub = node.path("pubsubname").asText(node.path("pubsubName").asText(""));
        String topic = node.path("topic").asText("");
        if (pubsub.isBlank() || topic.isBlank()) {
            throw new IllegalArgumentException("subscription needs pubsubname and topic: " + node);
        }
        List<SubscriptionSpec.Rule> rules = new ArrayList<>();
        JsonNode routes = node.get("routes");
        if (routes != null && routes.isObject()) {
            for (JsonNode rule : routes.path("rules")) {
                rules.add(new SubscriptionSpec.Rule(rule.path("match").asText(""), path(rule.path("path").asText(""))));
            }
            String def = routes.path("default").asText("");
            if (!def.isBlank()) {
                rules.add(new SubscriptionSpec.Rule("", path(def)));
            }
        }
        String route = node.path("route").asText("");
        if (!route.isBlank()) {
            rules.add(new SubscriptionSpec.Rule("", path(route)));
        }
        if (rules.isEmpty()) {
            // daprd's default when neither route nor routes is given: the topic name as the path.
            rules.add(new SubscriptionSpec.Rule("", path(topic)));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("metadata").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            metadata.put(f.getKey(), f.getValue().asText());
        }
        String dlq = node.path("deadLetterTopic").asText("");
        return new SubscriptionSpec(pubsub, topic, List.copyOf(rules), dlq.isBlank() ? null : dlq,
                Map.copyOf(metadata), apiVersion.isBlank() ? "PROGRAMMATIC" : "DECLARATIVE",
                bulk(node.path("bulkSubscribe")));
    }

    /** {@code bulkSubscribe: {enabled, maxMessagesCount, maxAwaitDurationMs}}; null unless enabled. */
    private static SubscriptionSpec.Bulk bulk(JsonNode node) {
        if (!node.path("enabled").asBoolean(false)) {
            return null;
        }
        int max = node.path("maxMessagesCount").asInt(0);
        int awaitMs = node.path("maxAwaitDurationMs").asInt(0);
        if (max < 0 || awaitMs < 0) {
            throw new IllegalArgumentException("bulkSubscribe needs non-negative maxMessagesCount and "
                    + "maxAwaitDurationMs: " + node);
        }
        return new SubscriptionSpec.Bulk(max, java.time.Duration.ofMillis(awaitMs));
    }

    private static String path(String p) {
        return p.startsWith("/") || p.startsWith("http") ? p : "/" + p;
    }
}
