package dev.learnflow.platform.embedding;

/**
 * Text → unit-length sentence embedding. In production the in-process all-MiniLM-L6-v2 model
 * ({@link SentenceEncoder}); tests may pass any function. Triage and concepts share it, so questions, intent
 * examples, topics and lessons all live in one embedding space.
 */
@FunctionalInterface
public interface Encoder {

    float[] encode(String text);

    /** The cosine of two unit vectors: their dot product. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** A copy of the vector scaled to length 1 (the zero vector stays as it is). */
    static float[] normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
