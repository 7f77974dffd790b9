package dev.learnflow.triage.service;

import dev.learnflow.platform.text.ClasspathText;
import dev.learnflow.platform.embedding.Encoder;
import dev.learnflow.triage.domain.TopicInfo;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curriculum topic a question is about: the topic the question names in so many words ("tuples", "for loop",
 * "dictionary"; the longest such name wins), otherwise by sentence similarity to each topic's title and summary.
 */
public class TopicMatcher {

    private final Encoder encoder;
    private final List<TopicInfo> topics;
    private final List<float[]> vectors;
    private final double minSimilarity;
    private final List<Pattern> names;
    /** Everyday names of course topics ({@code triage/topic-generic-names.tsv}): pattern and topic, in file order. */
    private final List<Map.Entry<Pattern, TopicInfo>> everydayNames;
    static final String EVERYDAY_NAMES = "triage/topic-generic-names.tsv";

    public TopicMatcher(Encoder encoder, List<TopicInfo> topics, double minSimilarity) {
        this.encoder = encoder;
        this.topics = List.copyOf(topics);
        this.minSimilarity = minSimilarity;
        this.vectors = topics.stream().map(t -> encoder.encode(t.title() + ". " + t.summary())).toList();
        this.names = topics.stream().map(t -> namePattern(t.id())).toList();
        List<Map.Entry<Pattern, TopicInfo>> everyday = new java.util.ArrayList<>();
        for (String line : ClasspathText.read(TopicMatcher.class, EVERYDAY_NAMES).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            topics.stream().filter(t -> t.id().equals(parts[1].strip())).findFirst().ifPresent(t -> everyday.add(
                    Map.entry(Pattern.compile("(?<![\\w-])(?:" + parts[0].strip() + ")(?![\\w-])"
                            + "(?!\\s+(?:me|us|up|it|them|you)\\b)", Pattern.CASE_INSENSITIVE), t)));
        }
        this.everydayNames = List.copyOf(everyday);
    }

    /** "for-loops" names "for loop(s)", "dictionaries" "dictionary"/"dictionaries", "try-except" "try/except". */
    static Pattern namePattern(String topicId) {
        String[] words = topicId.toLowerCase(Locale.ROOT).split("-");
        StringBuilder regex = new StringBuilder("\\b");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String stem = w.endsWith("ies") ? w.substring(0, w.length() - 3) + "(?:y|ies)"
                    : w.endsWith("s") && w.length() > 3 ? Pattern.quote(w.substring(0, w.length() - 1)) + "s?"
                    : Pattern.quote(w) + "s?";
            regex.append(i == 0 ? "" : "[ /_-]?(?:and |& )?").append(stem);
        }
        regex.append("\\b");
        if (words.length == 1) {
            // "set me some exercises", "list them": a one-word name used as a verb names no topic
            regex.append("(?!\\s+(?:me|us|up|it|them|you)\\b)");
        }
        return Pattern.compile(regex.toString());
    }

    public record Match(TopicInfo topic, double similarity) {
    }

    public Optional<Match> match(String question) {
        return match(question, null);
    }

    /** @param vector the question's sentence vector when the caller has it already, else null */
    public Optional<Match> match(String question, float[] vector) {
        if (question == null || question.isBlank() || topics.isEmpty()) {
            return Optional.empty();
        }
        String lower = question.toLowerCase(Locale.ROOT);
        Match named = null;
        int longest = 0;
        for (int i = 0; i < topics.size(); i++) {
            Matcher m = names.get(i).matcher(lower);
            if (m.find() && m.end() - m.start() > longest) {
                longest = m.end() - m.start();
                named = new Match(topics.get(i), 1.0);
            }
        }
        if (named != null) {
            return Optional.of(named);
        }
        float[] query = vector != null ? vector : encoder.encode(question);
        Match best = null;
        for (int i = 0; i < topics.size(); i++) {
            double similarity = Encoder.cosine(query, vectors.get(i));
            if (best == null || similarity > best.similarity()) {
                best = new Match(topics.get(i), similarity);
            }
        }
        return best.similarity() >= minSimilarity ? Optional.of(best) : Optional.empty();
    }

    /** Whether the question names a course topic ("loops", "dictionaries", "try/except"). */
    public boolean namesATopic(String question) {
        String lower = question == null ? "" : question.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(p -> p.matcher(lower).find());
    }

    /**
     * The course topic an everyday name stands for ("loops" for the for-loops topic, "dicts", "oop"), for a request
     * to practise that names no topic by its title; empty when none is named.
     */
    public Optional<TopicInfo> byEverydayName(String question) {
        String lower = question == null ? "" : question.toLowerCase(Locale.ROOT);
        return everydayNames.stream().filter(e -> e.getKey().matcher(lower).find()).map(Map.Entry::getValue).findFirst();
    }

    public Optional<TopicInfo> byId(String topicId) {
        return topics.stream().filter(t -> t.id().equals(topicId)).findFirst();
    }
}
