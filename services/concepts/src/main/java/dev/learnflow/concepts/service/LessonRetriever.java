package dev.learnflow.concepts.service;

import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.platform.embedding.Encoder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Semantic retrieval over the knowledge base: each lesson is embedded as several passages (the beginner
 * explanation, the advanced one, and each alias — the short ways students name the concept, which match short
 * questions best); a question scores against a lesson by its best passage. A topic the request already names (the
 * student's choice, or triage's inference) gets a small boost, so a clearly different question still finds its own
 * lesson, and a vague one ("how does it work?") gets that topic's lesson.
 */
public class LessonRetriever {

    static final double TOPIC_BOOST = 0.08;
    /** A named topic within this much of the best lesson is taken: the question does not clearly point elsewhere. */
    static final double TOPIC_MARGIN = 0.1;

    private final Encoder encoder;
    private final List<Passage> passages = new ArrayList<>();
    private final double minSimilarity;

    record Passage(Lesson lesson, float[] vector) {
    }

    public record Hit(Lesson lesson, double similarity) {
    }

    public LessonRetriever(Encoder encoder, KnowledgeBase knowledgeBase, double minSimilarity) {
        this.encoder = encoder;
        this.minSimilarity = minSimilarity;
        for (Lesson lesson : knowledgeBase.lessons()) {
            passages.add(new Passage(lesson, encoder.encode(lesson.title())));
            for (String alias : lesson.aliases()) {
                passages.add(new Passage(lesson, encoder.encode(alias)));
            }
            passages.add(new Passage(lesson, encoder.encode(lesson.title() + ". " + lesson.idea())));
            passages.add(new Passage(lesson, encoder.encode(lesson.title() + ". " + lesson.inDepth())));
        }
    }

    /** Lessons by relevance, best first (one hit per lesson). */
    public List<Hit> rank(String question, String preferredTopicId) {
        return rank(encoder.encode(question), preferredTopicId);
    }

    /** The same for an already embedded question. */
    public List<Hit> rank(float[] query, String preferredTopicId) {
        java.util.Map<String, Hit> best = new java.util.LinkedHashMap<>();
        for (Passage passage : passages) {
            double similarity = Encoder.cosine(query, passage.vector());
            if (passage.lesson().topicId().equals(preferredTopicId)) {
                similarity += TOPIC_BOOST;
            }
            Hit current = best.get(passage.lesson().topicId());
            if (current == null || similarity > current.similarity()) {
                best.put(passage.lesson().topicId(), new Hit(passage.lesson(), similarity));
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(Hit::similarity).reversed()).toList();
    }

    /** The lesson that answers the question, if any is close enough. */
    public Optional<Hit> best(String question, String preferredTopicId) {
        return best(rank(question, preferredTopicId), preferredTopicId);
    }

    /** The same over an existing ranking. */
    public Optional<Hit> best(List<Hit> ranked, String preferredTopicId) {
        Optional<Hit> preferred = ranked.stream().filter(h -> h.lesson().topicId().equals(preferredTopicId))
                .findFirst();
        if (ranked.isEmpty() || ranked.get(0).similarity() < minSimilarity) {
            return preferred;
        }
        Hit best = ranked.get(0);
        return preferred.filter(p -> best.similarity() - p.similarity() < TOPIC_MARGIN).or(() -> Optional.of(best));
    }
}
