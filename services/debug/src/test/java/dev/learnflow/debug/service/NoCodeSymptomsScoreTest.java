package dev.learnflow.debug.service;

import dev.learnflow.contracts.answers.DebugExplanation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Symptoms told without code in words written apart from the catalogue's patterns (no-code/symptoms-unseen.psv):
 * how many get the right explanation, and how many truly vague messages are left to a clarifying question. Prints
 * the misses; the floor only catches a collapse.
 */
class NoCodeSymptomsScoreTest {

    @Test
    void unseenSymptomWordingsAreRecognised() throws IOException {
        List<String[]> rows;
        try (InputStream in = getClass().getResourceAsStream("/debug/no-code/symptoms-unseen.psv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\\|")).map(p -> new String[] {p[0].strip(), p[1].strip()}).toList();
        }
        int right = 0;
        StringBuilder misses = new StringBuilder();
        for (String[] row : rows) {
            Optional<DebugAgent.Answer> answer = NoCodeAnswers.answer(row[0], null, Optional.empty());
            String given = answer.map(a -> ((DebugExplanation) a.data()).explained().id()).orElse("clarify");
            if (given.equals(row[1])) {
                right++;
            } else {
                misses.append("\n  ").append(row[1]).append(" -> ").append(given).append(": ").append(row[0]);
            }
        }
        System.out.printf("%nunseen symptom wordings: %d of %d right%s%n", right, rows.size(), misses);
        assertThat(right).isGreaterThanOrEqualTo(rows.size() * 9 / 10);
    }

    @Test
    void numbersWrittenSideBySideAreRecognisedAsJoinedText() {
        assertThat(NoCodeAnswers.numbersJoined("I type 10 and 20 and get 1020")).isTrue();
        assertThat(NoCodeAnswers.numbersJoined("if i enter 5 and 5 it says 55")).isTrue();
        assertThat(NoCodeAnswers.numbersJoined("when i add the inputs i get 55 instead of 10")).isTrue();
        // two numbers alone are not enough: 1 + 5 = 6 is a coincidence without adding or input in the message
        assertThat(NoCodeAnswers.numbersJoined("my program returns 15 instead of 6")).isFalse();
        assertThat(NoCodeAnswers.numbersJoined("I type 10 and get 100")).isFalse();
        assertThat(NoCodeAnswers.numbersJoined("it says 2.5 instead of 25")).isFalse();
    }

    @Test
    void togetherMatchesEveryGroupInAnyOrder() {
        java.util.regex.Pattern p = ExplainerCatalog.allAnywhere("cop(?:y|ied) & chang|modif");
        assertThat(p.matcher("I changed the copy").find()).isTrue();
        assertThat(p.matcher("the Copy gets\nmodified").find()).isTrue();
        assertThat(p.matcher("I made a copy").find()).isFalse();
        assertThat(p.matcher("scopy exchange").find()).as("stems start at a word boundary").isFalse();
    }
}
