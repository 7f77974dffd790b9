package dev.learnflow.concepts.service;

import dev.learnflow.concepts.domain.DocPassage;
import dev.learnflow.concepts.domain.Lesson;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of what a question asks a text really holds. The embeddings rate a lesson close when the question shares
 * its context words ("list", "loop", "file"): "how do i shuffle a list" sounds like the lists lesson, which never
 * says "shuffle". Every content word of the question weighs by its rarity in Python's documentation (inverse
 * document frequency over the index: "shuffle", "regex" or "flatten" weigh much, "list" or "loop" little); a text
 * covers the share of that weight whose words it uses. Comparing the lesson's share with a documentation section's
 * says whether the lesson is about the asked thing or only about its surroundings.
 */
public final class ContentCoverage {

    /** A signature on a section's first line: {@code name(params)}. */
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z_][\\w.]*\\(([^)\\n]*)\\)");
    /** A parameter's name in a signature: after the start, a comma or stars, before a default, comma or bracket. */
    private static final Pattern PARAMETER = Pattern.compile("(?:^|[,(\\[*]\\s*)\\**([a-z_][a-z0-9_]*)\\s*(?=[=,\\])\\[]|$)");

    private final ToDoubleFunction<String> idf;
    private final Map<String, Set<String>> lessonWords = new HashMap<>();

    /**
     * @param lessons the curated lessons
     * @param idf     a (folded) word's rarity in the documentation; 0 for a word it never uses
     */
    public ContentCoverage(List<Lesson> lessons, ToDoubleFunction<String> idf) {
        this.idf = idf;
        for (Lesson lesson : lessons) {
            lessonWords.put(lesson.topicId(), stems(lesson.title() + " " + String.join(" ", lesson.aliases()) + " "
                    + String.join(" ", lesson.mentions()) + " " + lesson.idea() + " " + lesson.inDepth() + " " + lesson.example() + " "
                    + String.join(" ", lesson.watchOut())));
        }
    }

    /** The question's content words (stems) with their weights; words the documentation never uses weigh 0. */
    public Map<String, Double> weights(String question) {
        Map<String, Double> weights = new HashMap<>();
        for (String token : Bm25.tokens(question)) {
            double w = idf.applyAsDouble(token);
            if (w > 0) {
                weights.merge(KeyTerms.stem(token), w, Math::max);
            }
        }
        return weights;
    }

    /** The share (0..1) of the question's content weight the lesson's text uses; 1 when it has no content words. */
    public double of(Lesson lesson, Map<String, Double> weights) {
        return share(lessonWords.getOrDefault(lesson.topicId(), Set.of()), weights);
    }

    /** The same for a documentation section (its section name, names and text). */
    public double of(DocPassage passage, Map<String, Double> weights) {
        return share(stems(passage.section() + " " + passage.keywords() + " " + passage.text()), weights);
    }

    /** The share (0..1) of the question's content weight whose words the section's own name uses. */
    public double ofName(DocPassage passage, Map<String, Double> weights) {
        return share(stems(passage.section() + " " + passage.keywords() + " " + parameters(passage)), weights);
    }

    /**
     * The parameters of the function a section documents, from the signature it opens with ({@code print(*objects,
     * sep=' ', end='\n', file=None, flush=False)}): they are part of what it is about ("print without a newline at
     * the end" asks about print's {@code end}).
     */
    public static String parameters(DocPassage passage) {
        if (passage.keywords() == null || passage.keywords().isBlank() || passage.text() == null) {
            return "";
        }
        Matcher signature = SIGNATURE.matcher(passage.text());
        if (!signature.lookingAt()) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(signature.group(1));
        while (parameter.find()) {
            if (!parameter.group(1).equals("self")) {
                names.append(' ').append(parameter.group(1));
            }
        }
        return names.toString();
    }

    /**
     * The share (0..1) of the question's content weight in words the lesson lacks and the section's own name
     * (heading and documented names) uses: the section is about what the lesson leaves out.
     */
    public double namesWhatLessonLacks(DocPassage passage, Lesson lesson, Map<String, Double> weights) {
        Set<String> lessonText = lessonWords.getOrDefault(lesson.topicId(), Set.of());
        Set<String> name = stems(passage.section() + " " + passage.keywords());
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double lacking = weights.entrySet().stream()
                .filter(w -> !lessonText.contains(w.getKey()) && name.contains(w.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        return total == 0 ? 0 : lacking / total;
    }

    /** Whether the lesson's text uses the (stemmed) word. */
    public boolean uses(Lesson lesson, String stem) {
        return lessonWords.getOrDefault(lesson.topicId(), Set.of()).contains(stem);
    }

    /** Whether the section's own name (heading, documented names) uses the (stemmed) word. */
    public boolean namesWord(DocPassage passage, String stem) {
        return stems(passage.section() + " " + passage.keywords()).contains(stem);
    }

    private static double share(Set<String> words, Map<String, Double> weights) {
        double total = 0;
        double covered = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            total += w.getValue();
            covered += words.contains(w.getKey()) ? w.getValue() : 0;
        }
        return total == 0 ? 1 : covered / total;
    }

    private static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (String token : Bm25.tokens(text)) {
            stems.add(KeyTerms.stem(token));
        }
        return stems;
    }
}
