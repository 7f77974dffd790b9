package dev.learnflow.platform.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Texts a service keeps in {@code src/main/resources} (prompts, replies, harness scripts), read once at startup.
 * A missing resource is a packaging mistake, so it fails loudly instead of answering with nothing. Resources are
 * looked up through the owner's class loader: under Quarkus a service's own resources are not visible to the
 * loader of this shared jar.
 */
public final class ClasspathText {

    private ClasspathText() {
    }

    /** The whole resource as UTF-8 text. */
    public static String read(Class<?> owner, String resource) {
        try (InputStream in = open(owner, resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code .properties} resource, read as UTF-8 (not ISO-8859-1, so texts may use any character). */
    public static Properties properties(Class<?> owner, String resource) {
        Properties texts = new Properties();
        try (InputStream in = open(owner, resource)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static InputStream open(Class<?> owner, String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        InputStream in = owner.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing");
        }
        return in;
    }
}
