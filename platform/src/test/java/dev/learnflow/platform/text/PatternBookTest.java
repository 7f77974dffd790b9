package dev.learnflow.platform.text;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatternBookTest {

    enum Sample { GREETING, NUMBER }

    enum MoreThanTheFile { GREETING, NUMBER, FAREWELL }

    enum OnlyGreeting { GREETING }

    @Test
    void sectionsAreJoinedLineByLineWithTheirFragmentsFilledIn() {
        PatternBook<Sample> book = PatternBook.load("text/sample.regex", Sample.class);

        assertThat(book.text(Sample.GREETING))
                .isEqualTo("(?i)^\\s*(?:hi|hello|good (?:morning|evening))(?:\\s+please)?\\s*$");
        assertThat(book.find(Sample.GREETING, "Good morning please")).isTrue();
        assertThat(book.find(Sample.GREETING, "good morning, what is a list?")).isFalse();
        Matcher number = book.matcher(Sample.NUMBER, "line -12");
        assertThat(number.find()).isTrue();
        assertThat(number.group()).isEqualTo("-12");
        assertThat(book.pattern(Sample.NUMBER).pattern()).isEqualTo("-?\\d+");
    }

    @Test
    void aConstantWithoutASectionFailsAtLoad() {
        assertThatThrownBy(() -> PatternBook.load("text/sample.regex", MoreThanTheFile.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[farewell]");
    }

    @Test
    void aSectionThatIsNeitherAPatternNorAFragmentFailsAtLoad() {
        assertThatThrownBy(() -> PatternBook.load("text/unused-section.regex", OnlyGreeting.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[typo-never-used]");
    }

    @Test
    void aMissingFileFailsAtLoad() {
        assertThatThrownBy(() -> PatternBook.load("text/no-such.regex", Sample.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such.regex");
    }
}
