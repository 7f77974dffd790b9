package dev.learnflow.platform.embedding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EncoderTest {

    @Test
    void normalizeScalesToUnitLengthWithoutTouchingTheInput() {
        float[] vector = {3, 4};

        float[] unit = Encoder.normalize(vector);

        assertThat(unit).containsExactly(new float[] {0.6f, 0.8f}, within(1e-6f));
        assertThat(vector).containsExactly(3, 4);
        assertThat(Encoder.cosine(unit, unit)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void theZeroVectorStaysZeroAndOrthogonalVectorsScoreZero() {
        assertThat(Encoder.normalize(new float[] {0, 0})).containsExactly(0, 0);
        assertThat(Encoder.cosine(new float[] {1, 0}, new float[] {0, 1})).isZero();
    }
}
