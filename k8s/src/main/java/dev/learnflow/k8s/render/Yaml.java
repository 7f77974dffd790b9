package dev.learnflow.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Multi-document YAML in and out, as Jackson trees (the renderer and the checks never bind to classes). */
public final class Yaml {

    public static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private Yaml() {
    }

    /** Every non-empty document of a file; each must be a mapping. */
    public static List<ObjectNode> readAll(Path file) {
        try {
            return readAll(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<ObjectNode> readAll(String text, String origin) {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new KustomizeException(origin + ": a document is not a mapping");
                }
                documents.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new KustomizeException(origin + ": invalid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    public static ObjectNode readOne(Path file) {
        List<ObjectNode> docs = readAll(file);
        if (docs.size() != 1) {
            throw new KustomizeException(file + ": expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    /** Documents separated by {@code ---}, for reading a rendering or diffing it. */
    public static String write(List<? extends JsonNode> documents) {
        StringBuilder out = new StringBuilder();
        for (JsonNode doc : documents) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            try {
                out.append(MAPPER.writeValueAsString(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }
}
