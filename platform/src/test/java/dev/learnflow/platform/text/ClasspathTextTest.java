package dev.learnflow.platform.text;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClasspathTextTest {

    @Test
    void propertiesAreReadAsUtf8WithContinuationLines() {
        Properties texts = ClasspathText.properties(ClasspathTextTest.class, "text/sample.properties");

        assertThat(texts.getProperty("greeting")).isEqualTo("Grüß dich — “hello”");
        assertThat(texts.getProperty("wrapped")).isEqualTo("one two");
    }

    @Test
    void aResourceIsReadWholeWithOrWithoutALeadingSlash() {
        String text = ClasspathText.read(ClasspathTextTest.class, "/text/sample.properties");

        assertThat(text).startsWith("# UTF-8 on purpose").contains("Grüß dich");
        assertThat(ClasspathText.read(ClasspathTextTest.class, "text/sample.properties")).isEqualTo(text);
    }

    @Test
    void aMissingResourceFailsLoudly() {
        assertThatThrownBy(() -> ClasspathText.read(ClasspathTextTest.class, "text/nothing-here.txt"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("text/nothing-here.txt is missing");
    }
}
