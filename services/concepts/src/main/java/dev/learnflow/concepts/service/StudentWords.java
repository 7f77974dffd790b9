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
 * ({@code len()}, {@code str.join()}), so the relevance checks ask the answer to hold that name. And they quote
 * Python's error messages without the exception's name ("list index out of range"): {@code concepts/error-messages.tsv}
 * names the exception ({@code IndexError}) for the answer to quote its documentation; it is not added to what is
 * searched, since the lesson on the code around the error teaches more than the exception's one-line entry
 * ("maximum recursion depth exceeded" is the recursion lesson, with {@code RecursionError} quoted under it).
 */
public final class StudentWords {

    public static final String RESOURCE = "concepts/student-words.tsv";
    /** Everyday descriptions of what a name does ("how many items are in my list": {@code len()}). */
    public static final String DESCRIPTIONS = "concepts/described-names.tsv";
    /** Python's error messages ("is not defined": {@code NameError}). */
    public static final String ERROR_MESSAGES = "concepts/error-messages.tsv";

    private record Rule(Pattern pattern, String python) {
    }

    private final List<Rule> rules;
    private final List<Rule> errorMessages;

    private StudentWords(List<Rule> rules, List<Rule> errorMessages) {
        this.rules = List.copyOf(rules);
        this.errorMessages = List.copyOf(errorMessages);
    }

    public static StudentWords fromClasspath(ClassLoader loader) {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(read(loader, RESOURCE));
        rules.addAll(read(loader, DESCRIPTIONS));
        return new StudentWords(rules, read(loader, ERROR_MESSAGES));
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

    /** The exceptions whose messages the question quotes ("is not defined": {@code NameError}), in table order. */
    public List<String> exceptionsQuoted(String question) {
        return errorMessages.stream().filter(rule -> rule.pattern().matcher(question).find())
                .map(Rule::python).distinct().toList();
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
