package dev.learnflow.triage.service;

import dev.learnflow.platform.embedding.Encoder;
import dev.learnflow.triage.domain.TopicInfo;

import java.util.List;
import java.util.Optional;

/** The curriculum topic a question is about, by sentence similarity to each topic's title and summary. */
public class TopicMatcher {

    private final Encoder encoder;
    private final List<TopicInfo> topics;
    private final List<float[]> vectors;
    private final double minSimilarity;

    public TopicMatcher(Encoder encoder, List<TopicInfo> topics, double minSimilarity) {
        this.encoder = encoder;
        this.topics = List.copyOf(topics);
        this.minSimilarity = minSimilarity;
        this.vectors = topics.stream().map(t -> encoder.encode(t.title() + ". " + t.summary())).toList();
    }

    public record Match(TopicInfo topic, double similarity) {
    }

    public Optional<Match> match(String question) {
        if (question == null || question.isBlank() || topics.isEmpty()) {
            return Optional.empty();
        }
        float[] query = encoder.encode(question);
        Match best = null;
        for (int i = 0; i < topics.size(); i++) {
            double similarity = Encoder.cosine(query, vectors.get(i));
            if (best == null || similarity > best.similarity()) {
                best = new Match(topics.get(i), similarity);
            }
        }
        return best.similarity() >= minSimilarity ? Optional.of(best) : Optional.empty();
    }

    public Optional<TopicInfo> byId(String topicId) {
        return topics.stream().filter(t -> t.id().equals(topicId)).findFirst();
    }
}
