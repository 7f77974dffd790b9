package dev.learnflow.debug.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The explainer catalogue: Markdown files under {@code debug/explain/}, listed in {@code debug/explain/index.txt}.
 * A file starts with {@code key: value} header lines ({@code kind}, {@code type}, {@code when}, {@code detect},
 * {@code facts}, {@code title}; {@code detect} and {@code facts} may repeat), then sections: {@code ## means},
 * {@code ## cause: <title>} (two to four, each with a fenced example), {@code ## find}, {@code ## ask}.
 */
public final class ExplainerCatalog {

    public static final String DIRECTORY = "debug/explain/";
    private static final ExplainerCatalog INSTANCE = load();

    private final List<Explainer> entries;

    ExplainerCatalog(List<Explainer> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ExplainerCatalog get() {
        return INSTANCE;
    }

    public List<Explainer> entries() {
        return entries;
    }

    public Optional<Explainer> byId(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The entry for an exception type: the variant whose {@code when} matches the text, else the base entry. */
    public Optional<Explainer> forError(String type, String text) {
        List<Explainer> ofType = entries.stream().filter(e -> type.equals(e.type())).toList();
        return ofType.stream().filter(e -> e.when() != null && e.when().matcher(text).find()).findFirst()
                .or(() -> ofType.stream().filter(e -> e.when() == null).findFirst());
    }

    /** An error named without its exception type ("index out of range", "key error"), best match first. */
    public Optional<Explainer> errorDescribedIn(String text) {
        return entries.stream().filter(e -> !e.isSymptom() && e.when() != null && e.detectedIn(text)).findFirst()
                .or(() -> entries.stream().filter(e -> !e.isSymptom() && e.detectedIn(text)).findFirst());
    }

    public Optional<Explainer> symptomIn(String text) {
        return entries.stream().filter(Explainer::isSymptom).filter(e -> e.detectedIn(text)).findFirst();
    }

    static ExplainerCatalog load() {
        List<Explainer> loaded = new ArrayList<>();
        for (String file : read(DIRECTORY + "index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            loaded.add(parse(file.replaceFirst("\\.md$", ""), read(DIRECTORY + file)));
        }
        return new ExplainerCatalog(loaded);
    }

    static Explainer parse(String id, String markdown) {
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        String kind = null;
        String type = null;
        Pattern when = null;
        String title = null;
        List<Pattern> detect = new ArrayList<>();
        List<Pattern> facts = new ArrayList<>();
        int i = 0;
        for (; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#") || colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "kind" -> kind = value;
                case "type" -> type = value;
                case "when" -> when = Pattern.compile(value);
                case "detect" -> detect.add(Pattern.compile(value));
                case "together" -> detect.add(allAnywhere(value));
                case "facts" -> facts.add(Pattern.compile(value));
                case "title" -> title = value;
                default -> throw new IllegalArgumentException(id + ": unknown header " + key);
            }
        }
        String meaning = null;
        String findOut = null;
        String ask = null;
        List<Explainer.Cause> causes = new ArrayList<>();
        while (i < lines.size()) {
            String heading = lines.get(i).substring(3).strip();
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("## ")) {
                end++;
            }
            String body = String.join("\n", lines.subList(i + 1, end)).strip();
            if (heading.equals("means")) {
                meaning = body;
            } else if (heading.equals("find")) {
                findOut = body;
            } else if (heading.equals("ask")) {
                ask = body;
            } else if (heading.startsWith("cause:")) {
                causes.add(cause(id, heading.substring(6).strip(), body));
            } else {
                throw new IllegalArgumentException(id + ": unknown section " + heading);
            }
            i = end;
        }
        if (kind == null || title == null || meaning == null || findOut == null || ask == null || causes.size() < 2
                || causes.size() > 4) {
            throw new IllegalArgumentException(id + ": needs kind, title, means, 2-4 causes, find and ask");
        }
        return new Explainer(id, kind, type, when, detect, facts, title, meaning, causes, findOut, ask);
    }

    /**
     * A {@code together:} header: word stems in groups separated by {@code &}; it matches a message that has one stem
     * of every group anywhere, in any order (how students say a symptom varies more in order than in words).
     */
    static Pattern allAnywhere(String groups) {
        StringBuilder regex = new StringBuilder("(?is)^");
        for (String group : groups.split("\\s+&\\s+")) {
            regex.append("(?=.*?\\b(?:").append(group.strip()).append("))");
        }
        return Pattern.compile(regex.toString());
    }

    private static Explainer.Cause cause(String id, String title, String body) {
        int open = body.indexOf("```");
        if (open < 0) {
            throw new IllegalArgumentException(id + ": cause '" + title + "' has no example");
        }
        int codeStart = body.indexOf('\n', open) + 1;
        int close = body.indexOf("```", codeStart);
        if (close < 0) {
            throw new IllegalArgumentException(id + ": cause '" + title + "' has an unclosed example");
        }
        String text = (body.substring(0, open) + body.substring(close + 3)).strip();
        return new Explainer.Cause(title, text, body.substring(codeStart, close).stripTrailing());
    }

    private static String read(String resource) {
        try (InputStream in = ExplainerCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().collect(Collectors.joining("\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
