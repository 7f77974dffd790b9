package dev.learnflow.exercise.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.exercise.domain.ChallengeTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The exercise templates shipped in {@code exercise-templates/} (one file per module, listed in {@code index.json}).
 * Loaded once; a broken template stops the service at start rather than reaching a student.
 */
@ApplicationScoped
public class TemplateCatalog {

    static final String FOLDER = "exercise-templates/"; // not templates/: Qute (via langchain4j) owns that folder

    private final List<ChallengeTemplate> templates;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplateFile(String family, List<ChallengeTemplate> templates) {
    }

    @Inject
    public TemplateCatalog(ObjectMapper mapper) {
        this.templates = load(mapper);
    }

    public List<ChallengeTemplate> all() {
        return templates;
    }

    public List<ChallengeTemplate> forTopic(String topicId) {
        return templates.stream().filter(t -> t.topics().contains(topicId)).toList();
    }

    static List<ChallengeTemplate> load(ObjectMapper mapper) {
        List<ChallengeTemplate> loaded = new ArrayList<>();
        List<String> files = read(mapper, FOLDER + "index.json", new TypeReference<List<String>>() {
        });
        for (String file : files) {
            TemplateFile content = read(mapper, FOLDER + file, new TypeReference<TemplateFile>() {
            });
            for (ChallengeTemplate t : content.templates()) {
                List<String> problems = t.problems();
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("Template " + t.id() + " in " + file + ": " + problems);
                }
                loaded.add(t);
            }
        }
        return List.copyOf(loaded);
    }

    private static <T> T read(ObjectMapper mapper, String resource, TypeReference<T> type) {
        try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
