package dev.learnflow.concepts.client;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.learnflow.concepts.service.Encoder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * all-MiniLM-L6-v2 (quantized) in-process with ONNX Runtime from the Maven artifact; the same model triage uses, so
 * questions and lessons live in one embedding space. The model is a static of its class: loaded once per JVM.
 */
@ApplicationScoped
public class SentenceEncoder implements Encoder {

    private volatile EmbeddingModel model;

    @Override
    public float[] encode(String text) {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        float[] vector = loaded.embed(text == null || text.isBlank() ? "?" : text).content().vector();
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; norm > 0 && i < vector.length; i++) {
            vector[i] = (float) (vector[i] / norm);
        }
        return vector;
    }
}
