package dev.learnflow.k8s.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Dapr component names the application code uses, found the way a reviewer would grep for them: string
 * literals passed straight to the Dapr client's component APIs, constants named like a store or pub/sub
 * ({@code STORE = "statestore"}, {@code PUBSUB_NAME = "kafka-pubsub"}), and literals that look like component
 * names ({@code "...statestore..."}, {@code "...pubsub..."}, {@code "...secretstore..."}).
 */
public final class CodeComponentNames {

    private static final Pattern CLIENT_CALL = Pattern.compile(
            "\\b(?:getState|getBulkState|saveState|saveBulkState|deleteState|executeStateTransaction|queryState"
                    + "|publishEvent|getSecret|getBulkSecret|invokeBinding|getConfiguration|subscribeConfiguration"
                    + "|tryLock|unlock)\\(\\s*\"([^\"]+)\"");
    private static final Pattern CONSTANT = Pattern.compile(
            "\\bString\\s+([A-Z0-9_]*(?:STORE|PUBSUB|COMPONENT)(?:_NAME)?)\\s*=\\s*\"([a-z0-9][a-z0-9-]*)\"");
    private static final Pattern NAME_LIKE = Pattern.compile(
            "\"([a-z0-9][a-z0-9-]*(?:statestore|state-store|pubsub|secretstore|secret-store)[a-z0-9-]*)\"");

    private CodeComponentNames() {
    }

    /** Component name → first place it was seen (file:line), over every .java file below the roots. */
    public static Map<String, String> scan(Iterable<Path> sourceRoots) {
        Map<String, String> found = new TreeMap<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String[] lines = Files.readString(file).split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        String where = root.relativize(file) + ":" + (i + 1);
                        collect(CLIENT_CALL, 1, lines[i], where, found);
                        collect(CONSTANT, 2, lines[i], where, found);
                        collect(NAME_LIKE, 1, lines[i], where, found);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    public static TreeSet<String> names(Iterable<Path> sourceRoots) {
        return new TreeSet<>(scan(sourceRoots).keySet());
    }

    private static void collect(Pattern pattern, int group, String line, String where, Map<String, String> found) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            found.putIfAbsent(m.group(group), where);
        }
    }
}
