package dev.learnflow.local.sidecar.config;

import dev.learnflow.local.sidecar.SidecarConfigException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Dapr component as loaded from a {@code kind: Component} YAML document, with its metadata already resolved
 * (secret references looked up, {appID}-style templates replaced).
 */
public record ComponentSpec(String name, String type, String version, Map<String, String> metadata,
                            List<String> scopes, Path file) {

    /** "state", "pubsub", "secretstores", ... */
    public String category() {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    public String get(String key) {
        String v = metadata.get(key);
        if (v == null) {
            // Dapr matches metadata names case-insensitively.
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    return e.getValue();
                }
            }
        }
        return v;
    }

    public String get(String key, String defaultValue) {
        String v = get(key);
        return v == null || v.isBlank() ? defaultValue : v;
    }

    public String require(String key) {
        String v = get(key);
        if (v == null || v.isBlank()) {
            throw new SidecarConfigException(describe() + ": required metadata '" + key + "' is missing or empty");
        }
        return v;
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(get(key, "false").trim());
    }

    public String describe() {
        return "component '" + name + "' (" + type + ") in " + (file == null ? "<inline>" : file.toString());
    }
}
