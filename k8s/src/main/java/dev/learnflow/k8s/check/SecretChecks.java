package dev.learnflow.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.k8s.render.Manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Secrets a rendering needs (they are never rendered), and the places that must provide them. */
public final class SecretChecks {

    private static final List<String> DAPR_TOKEN_ANNOTATIONS = List.of("dapr.io/app-token-secret",
            "dapr.io/api-token-secret");
    /** Dapr reads its token Secrets under this key. */
    private static final String DAPR_TOKEN_KEY = "token";

    private SecretChecks() {
    }

    /** Secret name → the keys read from it, for every non-optional reference in the rendering. */
    public static Map<String, Set<String>> required(Manifests manifests) {
        Map<String, Set<String>> required = new TreeMap<>();
        for (JsonNode workload : manifests.workloads()) {
            JsonNode template = Manifests.podTemplate(workload);
            for (String annotation : DAPR_TOKEN_ANNOTATIONS) {
                String name = template.path("metadata").path("annotations").path(annotation).asText("");
                if (!name.isBlank()) {
                    need(required, name, DAPR_TOKEN_KEY);
                }
            }
            for (JsonNode container : Manifests.containers(workload)) {
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)) {
                        need(required, ref.path("name").asText(), ref.path("key").asText());
                    }
                }
                for (JsonNode from : container.path("envFrom")) {
                    JsonNode ref = from.path("secretRef");
                    if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)) {
                        required.computeIfAbsent(ref.path("name").asText(), n -> new TreeSet<>());
                    }
                }
            }
            for (JsonNode volume : Manifests.podSpec(workload).path("volumes")) {
                JsonNode secret = volume.path("secret");
                if (secret.isMissingNode() || secret.path("optional").asBoolean(false)) {
                    continue;
                }
                Set<String> keys = required.computeIfAbsent(secret.path("secretName").asText(), n -> new TreeSet<>());
                secret.path("items").forEach(item -> keys.add(item.path("key").asText()));
            }
        }
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                need(required, tls.path("secretName").asText(), "tls.crt");
                need(required, tls.path("secretName").asText(), "tls.key");
            }
        }
        for (JsonNode component : manifests.ofKind("Component")) {
            for (JsonNode entry : component.path("spec").path("metadata")) {
                JsonNode ref = entry.path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    need(required, ref.path("name").asText(), ref.path("key").asText());
                }
            }
        }
        return required;
    }

    /** Lines {@code ensure_secret NAME KEY=VALUE... file:KEY=PATH...} of k8s/kind/dev-secrets.sh. */
    public static Map<String, Set<String>> createdByScript(String script) {
        Map<String, Set<String>> created = new TreeMap<>();
        Pattern line = Pattern.compile("^\\s*ensure_secret\\s+([a-z0-9-]+)\\s+(.*?)\\s*$", Pattern.MULTILINE);
        Matcher m = line.matcher(script.replace("\\\n", " "));
        while (m.find()) {
            Set<String> keys = created.computeIfAbsent(m.group(1), n -> new TreeSet<>());
            for (String argument : arguments(m.group(2))) {
                String kv = argument.startsWith("file:") ? argument.substring(5) : argument;
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    keys.add(kv.substring(0, eq));
                }
            }
        }
        return created;
    }

    /** Every required Secret and key is provided. */
    public static List<String> provided(Map<String, Set<String>> required, Map<String, Set<String>> provided,
                                        String provider) {
        Findings f = new Findings();
        required.forEach((name, keys) -> {
            Set<String> have = provided.get(name);
            if (have == null) {
                f.add(provider, "does not create Secret " + name);
                return;
            }
            for (String key : keys) {
                f.check(have.contains(key), provider, "Secret " + name + " lacks key " + key);
            }
        });
        return f.list();
    }

    /** Shell-like words: double or single quotes group, nothing else is interpreted. */
    static List<String> arguments(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static void need(Map<String, Set<String>> required, String name, String key) {
        required.computeIfAbsent(name, n -> new TreeSet<>()).add(key);
    }
}
