package dev.learnflow.progress.service;

import dev.learnflow.contracts.domain.MasteryLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * BKT updates against values computed by hand:
 * correct: P(L|c) = P(L)(1-S) / (P(L)(1-S) + (1-P(L))G); wrong: P(L|w) = P(L)S / (P(L)S + (1-P(L))(1-G));
 * then P(L') = P(L|obs) + (1 - P(L|obs)) T.
 */
class BktTest {

    private static final double EPS = 1e-12;
    private static final BktParameters OATUTOR = BktParameters.DEFAULTS;

    @Test
    void correctAnswerFromThePriorWithOatutorDefaults() {
        // 0.1*0.9 / (0.1*0.9 + 0.9*0.1) = 0.5; 0.5 + 0.5*0.1 = 0.55
        assertThat(Bkt.update(0.1, true, OATUTOR)).isCloseTo(0.55, within(EPS));
    }

    @Test
    void wrongAnswerFromThePriorWithOatutorDefaults() {
        // 0.1*0.1 / (0.01 + 0.9*0.9) = 0.01/0.82 = 0.0121951...; + 0.9878048...*0.1 = 0.1109756097...
        assertThat(Bkt.update(0.1, false, OATUTOR)).isCloseTo(0.01 / 0.82 + (1 - 0.01 / 0.82) * 0.1, within(EPS));
        assertThat(Bkt.update(0.1, false, OATUTOR)).isCloseTo(0.110975609756, within(1e-11));
    }

    @Test
    void threeCorrectAnswersReachMasteryAtPyBktsThreshold() {
        double p = 0.1;
        p = Bkt.update(p, true, OATUTOR);
        assertThat(p).isCloseTo(0.55, within(EPS));
        assertThat(MasteryBands.DEFAULTS.levelOf(p)).isEqualTo(MasteryLevel.DEVELOPING);
        // 0.55*0.9 = 0.495; 0.45*0.1 = 0.045; 0.495/0.54 = 0.91666...; + 0.08333...*0.1 = 0.925
        p = Bkt.update(p, true, OATUTOR);
        assertThat(p).isCloseTo(0.925, within(EPS));
        assertThat(MasteryBands.DEFAULTS.levelOf(p)).isEqualTo(MasteryLevel.PROFICIENT);
        // 0.925*0.9 = 0.8325; 0.075*0.1 = 0.0075; 0.8325/0.84 = 0.991071428...; + 0.008928571...*0.1
        p = Bkt.update(p, true, OATUTOR);
        assertThat(p).isCloseTo(0.8325 / 0.84 + (1 - 0.8325 / 0.84) * 0.1, within(EPS));
        assertThat(p).isCloseTo(0.991964285714, within(1e-11)).isGreaterThanOrEqualTo(0.95);
        assertThat(MasteryBands.DEFAULTS.levelOf(p)).isEqualTo(MasteryLevel.MASTERED);
    }

    @Test
    void aSlipFromProficientDropsSharply() {
        // 0.925*0.1 = 0.0925; 0.075*0.9 = 0.0675; 0.0925/0.16 = 0.578125; + 0.421875*0.1 = 0.6203125
        assertThat(Bkt.update(0.925, false, OATUTOR)).isCloseTo(0.6203125, within(EPS));
    }

    @Test
    void tunedParametersPerTopic() {
        BktParameters tuned = new BktParameters(0.3, 0.2, 0.25, 0.05);
        // correct: 0.3*0.95 = 0.285; 0.7*0.25 = 0.175; 0.285/0.46 = 0.619565...; + 0.380434...*0.2 = 0.695652...
        assertThat(Bkt.update(0.3, true, tuned)).isCloseTo(0.285 / 0.46 + (1 - 0.285 / 0.46) * 0.2, within(EPS));
        assertThat(Bkt.update(0.3, true, tuned)).isCloseTo(16.0 / 23.0, within(EPS));
        // wrong: 0.3*0.05 = 0.015; 0.7*0.75 = 0.525; 0.015/0.54 = 1/36; + 35/36*0.2 = 0.2222...
        assertThat(Bkt.update(0.3, false, tuned)).isCloseTo(2.0 / 9.0, within(EPS));

        BktModel model = new BktModel(BktParameters.DEFAULTS, java.util.Map.of("for-loops", tuned));
        assertThat(model.forTopic("for-loops")).isEqualTo(tuned);
        assertThat(model.forTopic("strings")).isEqualTo(BktParameters.DEFAULTS);
    }

    @Test
    void anAnswerTheModelCallsImpossibleTeachesNothingButTheTransition() {
        BktParameters noGuessing = new BktParameters(0.0, 0.1, 0.0, 0.1);
        // P(L)=0 and guess=0: a correct answer has zero likelihood; posterior stays 0, then learning: 0.1
        assertThat(Bkt.update(0.0, true, noGuessing)).isCloseTo(0.1, within(EPS));
    }

    @Test
    void parametersAreChecked() {
        assertThatThrownBy(() -> new BktParameters(1.2, 0.1, 0.1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BktParameters(0.1, 0.1, 0.6, 0.4)).hasMessageContaining("pGuess + pSlip");
        assertThatThrownBy(() -> new MasteryBands(0.7, 0.4, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masteryBandsFollowConfiguredThresholds() {
        MasteryBands bands = MasteryBands.DEFAULTS;
        assertThat(bands.levelOf(0.0)).isEqualTo(MasteryLevel.NOVICE);
        assertThat(bands.levelOf(0.3999)).isEqualTo(MasteryLevel.NOVICE);
        assertThat(bands.levelOf(0.40)).isEqualTo(MasteryLevel.DEVELOPING);
        assertThat(bands.levelOf(0.70)).isEqualTo(MasteryLevel.PROFICIENT);
        assertThat(bands.levelOf(0.9499)).isEqualTo(MasteryLevel.PROFICIENT);
        assertThat(bands.levelOf(0.95)).isEqualTo(MasteryLevel.MASTERED);
        MasteryBands strict = new MasteryBands(0.5, 0.8, 0.98);
        assertThat(strict.levelOf(0.95)).isEqualTo(MasteryLevel.PROFICIENT);
        assertThat(strict.levelOf(0.45)).isEqualTo(MasteryLevel.NOVICE);
    }
}
