package dev.learnflow.debug.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's texts live in {@code src/main/resources/debug/}: properties files of sentences, and whole templates.
 * Both use {@code {name}} placeholders, filled in one pass, so a value (say, the student's code) that itself holds
 * braces is never read as a placeholder.
 *
 * @param resource the class-path name, for error messages
 * @param texts    the texts by key
 */
record TextResource(String resource, Properties texts) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** A properties file of texts; a missing file is a packaging error. */
    static TextResource properties(String resource) {
        Properties texts = new Properties();
        try (InputStream in = open(resource)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TextResource(resource, texts);
    }

    /** A whole file as one template. */
    static String template(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text under {@code key}; a missing one is a packaging error. */
    String text(String key) {
        String value = texts.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(resource + " has no " + key);
        }
        return value;
    }

    /** The text under {@code key}, or null. */
    String optional(String key) {
        return texts.getProperty(key);
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    String text(String key, Map<String, String> values) {
        return fill(text(key), values, resource);
    }

    /** Every placeholder filled from {@code values}; one without a value is a packaging error. */
    static String fill(String template, Map<String, String> values, String resource) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(resource + ": no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static InputStream open(String resource) {
        InputStream in = TextResource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the classpath");
        }
        return in;
    }
}
