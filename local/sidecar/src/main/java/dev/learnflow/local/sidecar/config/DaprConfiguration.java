package dev.learnflow.local.sidecar.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.sidecar.SidecarConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The parts of a Dapr {@code kind: Configuration} the local sidecar applies: access control and tracing. */
public record DaprConfiguration(String name, AccessControl accessControl, double samplingRate, boolean mtls) {

    public static DaprConfiguration defaults() {
        return new DaprConfiguration("default", null, 1.0, false);
    }

    public static DaprConfiguration load(Path file) {
        if (file == null) {
            return defaults();
        }
        if (!Files.isRegularFile(file)) {
            throw new SidecarConfigException("configuration file " + file + " does not exist");
        }
        JsonNode doc;
        try {
            doc = Resources.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new SidecarConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (doc == null || !"Configuration".equals(doc.path("kind").asText())) {
            throw new SidecarConfigException(file + ": not a Dapr Configuration (kind: Configuration)");
        }
        JsonNode spec = doc.path("spec");
        double sampling = 1.0;
        String rate = spec.path("tracing").path("samplingRate").asText("");
        if (!rate.isBlank()) {
            try {
                sampling = Double.parseDouble(rate);
            } catch (NumberFormatException e) {
                throw new SidecarConfigException(file + ": tracing.samplingRate '" + rate + "' is not a number");
            }
        }
        AccessControl acl = AccessControl.parse(spec.get("accessControl"), file.toString());
        return new DaprConfiguration(doc.path("metadata").path("name").asText("default"), acl, sampling,
                spec.path("mtls").path("enabled").asBoolean(false));
    }
}
