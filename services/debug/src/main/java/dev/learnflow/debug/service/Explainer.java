package dev.learnflow.debug.service;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the explainer catalogue ({@code debug/explain/*.md}): what an error or a symptom means, its usual
 * beginner causes with a tiny example each, how to tell them apart, and the invitation to paste the code. Texts may
 * name facts taken from the student's message ({@code {name}}, {@code {key}}, {@code {line}}...): a paragraph whose
 * facts are unknown is left out.
 *
 * @param id       file name without {@code .md}, e.g. {@code TypeError-concat} or {@code returns-none}
 * @param kind     {@code error} or {@code symptom}
 * @param type     the exception type for errors; null for symptoms
 * @param when     for a variant of an error: what its message (or the question) must contain; null for the base entry
 * @param detect   how a question names this error or symptom without the exception's name
 * @param facts    patterns whose named groups are the student's own names
 * @param title    one line that names the problem
 */
public record Explainer(String id, String kind, String type, Pattern when, List<Pattern> detect, List<Pattern> facts,
                        String title, String meaning, List<Cause> causes, String findOut, String ask) {

    /** A usual cause: a short title, a sentence or two, and a tiny example that shows it (never the student's fix). */
    public record Cause(String title, String text, String example) {
    }

    public boolean isSymptom() {
        return "symptom".equals(kind);
    }

    public boolean detectedIn(String text) {
        return detect.stream().anyMatch(p -> p.matcher(text).find());
    }

    /** The student's own names found in their message by this entry's fact patterns. */
    public Map<String, String> factsFrom(String text, Map<String, String> known) {
        Map<String, String> found = new java.util.LinkedHashMap<>(known);
        for (Pattern pattern : facts) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                for (String group : groupNames(pattern)) {
                    String value = m.group(group);
                    if (value != null && !value.isBlank()) {
                        found.putIfAbsent(group, value.strip());
                    }
                }
            }
        }
        return found;
    }

    private static List<String> groupNames(Pattern pattern) {
        Matcher names = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(pattern.pattern());
        List<String> out = new java.util.ArrayList<>();
        while (names.find()) {
            out.add(names.group(1));
        }
        return out;
    }
}
