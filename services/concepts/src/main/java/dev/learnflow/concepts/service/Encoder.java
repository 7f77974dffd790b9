package dev.learnflow.concepts.service;

/** Text → unit-length sentence embedding (the in-process all-MiniLM-L6-v2 model in production). */
@FunctionalInterface
public interface Encoder {

    float[] encode(String text);

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
