package dev.learnflow.platform.guard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceTest {

    @Test
    void levenshteinCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.between("total", "total")).isZero();
        assertThat(EditDistance.between("totl", "total")).isEqualTo(1);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
    }

    @Test
    void aSubstitutionCostsWhatTheCallerSays() {
        List<String> written = List.of("return", "totl", "+", "1");
        List<String> students = List.of("return", "total", "+", "1");
        double halfForNames = EditDistance.weighted(written.size(), students.size(),
                (i, j) -> written.get(i).equals(students.get(j)) ? 0 : 0.5);

        assertThat(halfForNames).isEqualTo(0.5);
        assertThat(EditDistance.weighted(0, 2, (i, j) -> 1)).isEqualTo(2);
    }
}
