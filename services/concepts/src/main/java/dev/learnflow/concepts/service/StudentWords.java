package dev.learnflow.concepts.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Students name Python's concepts with words from other languages or everyday speech ("ternary", "array",
 * "hashmap", "the walrus", "null"): the lessons and the documentation use Python's words. Python's words are added
 * to the question (nothing is taken away), so both retrievals find what was meant. The table is
 * {@code concepts/student-words.tsv}.
 */
public final class StudentWords {

    public static final String RESOURCE = "concepts/student-words.tsv";

    private record Rule(Pattern pattern, String python) {
    }

    private final List<Rule> rules;

    private StudentWords(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static StudentWords fromClasspath(ClassLoader loader) {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                rules.add(new Rule(Pattern.compile("(?<![\\w-])(?:" + parts[0].strip() + ")(?![\\w-])",
                        Pattern.CASE_INSENSITIVE), parts[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StudentWords(rules);
    }

    /** The question with Python's words for the student's ones added at its end, or as it was. */
    public String withPythonWords(String question) {
        StringBuilder added = new StringBuilder();
        for (Rule rule : rules) {
            if (rule.pattern().matcher(question).find() && !question.contains(rule.python())) {
                added.append(added.isEmpty() ? "" : ", ").append(rule.python());
            }
        }
        return added.isEmpty() ? question : question + " (" + added + ")";
    }
}
