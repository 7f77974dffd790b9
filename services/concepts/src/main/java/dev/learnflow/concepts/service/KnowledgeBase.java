package dev.learnflow.concepts.service;

import dev.learnflow.concepts.domain.Lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lessons of {@code kb/} (listed in {@code kb/index.txt}), parsed once. */
public class KnowledgeBase {

    public static final String FOLDER = "kb/";
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\n(.*?)\\n---\\n", Pattern.DOTALL);
    private static final Pattern SECTION = Pattern.compile("^## (.+)$", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

    private final Map<String, Lesson> byTopic = new LinkedHashMap<>();

    public KnowledgeBase(List<Lesson> lessons) {
        lessons.forEach(l -> byTopic.put(l.topicId(), l));
    }

    public static KnowledgeBase fromClasspath(ClassLoader loader) {
        List<Lesson> lessons = new ArrayList<>();
        for (String file : read(loader, FOLDER + "index.txt").split("\n")) {
            if (!file.isBlank()) {
                lessons.add(parse(FOLDER + file.strip(), read(loader, FOLDER + file.strip())));
            }
        }
        return new KnowledgeBase(lessons);
    }

    public List<Lesson> lessons() {
        return List.copyOf(byTopic.values());
    }

    public Optional<Lesson> byTopic(String topicId) {
        return Optional.ofNullable(topicId).map(byTopic::get);
    }

    static Lesson parse(String source, String markdown) {
        String text = markdown.replace("\r\n", "\n");
        Matcher front = FRONT_MATTER.matcher(text);
        if (!front.find()) {
            throw new IllegalArgumentException(source + ": no front matter");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : front.group(1).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                meta.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String body = text.substring(front.end());
        Matcher heading = SECTION.matcher(body);
        String name = null;
        int start = 0;
        while (heading.find()) {
            if (name != null) {
                sections.put(name, body.substring(start, heading.start()).strip());
            }
            name = heading.group(1).strip();
            start = heading.end();
        }
        if (name != null) {
            sections.put(name, body.substring(start).strip());
        }
        Matcher code = CODE.matcher(sections.getOrDefault("Example", ""));
        if (!code.find()) {
            throw new IllegalArgumentException(source + ": no python example");
        }
        List<String> watchOut = sections.getOrDefault("Watch out", "").lines()
                .filter(l -> l.startsWith("- ")).map(l -> l.substring(2).strip()).toList();
        String topicId = require(meta, "topic", source);
        return new Lesson(topicId, require(meta, "title", source),
                meta.getOrDefault("diagram", "none"),
                list(meta.get("aliases")),
                unwrap(sections.get("Idea")), unwrap(sections.get("In depth")), code.group(1), watchOut, source,
                meta.getOrDefault("curriculum", topicId), list(meta.get("mentions")), phrasings(meta.get("asks")));
    }

    private static List<String> list(String commaSeparated) {
        return items(commaSeparated, ",");
    }

    /** Phrasings separated by {@code |} (they may hold commas). */
    private static List<String> phrasings(String barSeparated) {
        return items(barSeparated, "\\|");
    }

    private static List<String> items(String value, String separator) {
        return value == null ? List.of()
                : Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String unwrap(String paragraph) {
        return paragraph == null ? "" : paragraph.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    private static String require(Map<String, String> meta, String key, String source) {
        String value = meta.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(source + ": front matter lacks " + key);
        }
        return value;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
