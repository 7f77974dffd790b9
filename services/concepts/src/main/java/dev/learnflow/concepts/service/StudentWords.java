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
 * {@code concepts/student-words.tsv}. Students also describe what a name does without knowing it ("how many items are
 * in my list", "glue the words into one string"): {@code concepts/described-names.tsv} adds the name, written as code
 * ({@code len()}, {@code str.join()}), so the relevance checks ask the answer to hold that name.
 */
public final class StudentWords {

    public static final String RESOURCE = "concepts/student-words.tsv";
    /** Everyday descriptions of what a name does ("how many items are in my list": {@code len()}). */
    public static final String DESCRIPTIONS = "concepts/described-names.tsv";

    private record Rule(Pattern pattern, String python) {
    }

    private final List<Rule> rules;

    private StudentWords(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static StudentWords fromClasspath(ClassLoader loader) {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(read(loader, RESOURCE));
        rules.addAll(read(loader, DESCRIPTIONS));
        return new StudentWords(rules);
    }

    private static List<Rule> read(ClassLoader loader, String resource) {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
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
        return rules;
    }

    /** The question with Python's words for the student's ones added at its end, or as it was. */
    public String withPythonWords(String question) {
        StringBuilder added = new StringBuilder();
        for (Rule rule : rules) {
            if (rule.pattern().matcher(question).find() && !question.contains(rule.python())
                    && !added.toString().contains(rule.python())) {   // two wordings of one concept
                added.append(added.isEmpty() ? "" : ", ").append(rule.python());
            }
        }
        return added.isEmpty() ? question : question + " (" + added + ")";
    }
}
