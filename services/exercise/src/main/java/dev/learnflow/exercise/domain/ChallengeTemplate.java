package dev.learnflow.exercise.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.learnflow.contracts.domain.Difficulty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parameterised exercise kept in the repository ({@code exercise-templates/*.json}): text, reference solution and tests
 * with {@code {{name}}} placeholders, and a table of variants that fill them in. Each variant carries its own
 * expected values, so every instance is checked (by the tests) against its own reference solution.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChallengeTemplate(
        String id,
        List<String> topics,
        Difficulty difficulty,
        String title,
        String prompt,
        String starterCode,
        String referenceSolution,
        List<ExerciseTest> tests,
        Integer timeLimitMs,
        Integer memoryLimitMb,
        Integer maxAttempts,
        List<Map<String, String>> variants) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    public ChallengeTemplate {
        topics = topics == null ? List.of() : List.copyOf(topics);
        tests = tests == null ? List.of() : List.copyOf(tests);
        variants = variants == null || variants.isEmpty() ? List.of(Map.of()) : List.copyOf(variants);
    }

    /** One concrete exercise. */
    public record Instance(String templateId, int variant, String title, String prompt, String starterCode,
                           String referenceSolution, List<ExerciseTest> tests) {
    }

    public Instance instantiate(int variant) {
        Map<String, String> values = variants.get(variant);
        List<ExerciseTest> rendered = new ArrayList<>();
        for (ExerciseTest t : tests) {
            rendered.add(new ExerciseTest(fill(t.name(), values), fill(t.stdin(), values),
                    fill(t.expectedStdout(), values), fill(t.setup(), values), fill(t.call(), values),
                    fill(t.expected(), values), t.visibility()));
        }
        return new Instance(id, variant, fill(title, values), fill(prompt, values), fill(starterCode, values),
                fill(referenceSolution, values), rendered);
    }

    /** Problems that make the template unusable (checked at load time and by the tests). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank() || topics.isEmpty() || difficulty == null || tests.isEmpty()) {
            problems.add("id, topics, difficulty and tests are required");
            return problems;
        }
        for (int v = 0; v < variants.size(); v++) {
            Instance instance = instantiate(v);
            for (String text : texts(instance)) {
                if (text != null && PLACEHOLDER.matcher(text).find()) {
                    problems.add("variant " + v + " leaves a placeholder in: " + text);
                }
            }
            for (ExerciseTest t : instance.tests()) {
                if (!t.wellFormed()) {
                    problems.add("variant " + v + " has a malformed test: " + t.name());
                }
            }
        }
        if (tests.stream().noneMatch(t -> t.visibility() == dev.learnflow.contracts.domain.TestVisibility.SHOWN)) {
            problems.add("no shown test: students need at least one example");
        }
        return problems;
    }

    private static List<String> texts(Instance i) {
        List<String> all = new ArrayList<>(List.of(i.title(), i.prompt(), i.starterCode(), i.referenceSolution()));
        for (ExerciseTest t : i.tests()) {
            all.add(t.name());
            all.add(t.stdin());
            all.add(t.expectedStdout());
            all.add(t.setup());
            all.add(t.call());
            all.add(t.expected());
        }
        return all;
    }

    static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
