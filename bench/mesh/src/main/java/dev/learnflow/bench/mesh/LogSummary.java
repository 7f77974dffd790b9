package dev.learnflow.bench.mesh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Warnings and errors the mesh logged ({@code <stateDir>/logs/*.log}), split at the logs' sizes when the bench began
 * to stop the mesh into what was logged while it started and was measured and what was logged while it stopped: a
 * count per log and the most frequent messages, so a service that fails under load shows up beside the numbers.
 */
final class LogSummary {

    /** Quarkus: {@code 18:52:23.425 WARN  [logger] (thread) message}. */
    private static final Pattern QUARKUS = Pattern.compile(
            "^\\S+ (WARN|ERROR)\\s+\\[([^]]*)] \\([^)]*\\) (.*)$");
    /** java.util.logging (the sidecars; services before their logging starts): {@code WARNING: message}. */
    private static final Pattern JUL = Pattern.compile("^(WARNING|WARN|SEVERE|ERROR): (.*)$");
    /** Start-up noise every service prints. */
    private static final List<String> IGNORED = List.of("HV000272");

    /** Counts and messages of one log in one period. */
    private static final class Tally {
        int warn;
        int error;
        final Map<String, Integer> messages = new LinkedHashMap<>();
    }

    private LogSummary() {
    }

    /** Sizes of the logs now: what {@link #of} counts as logged before the mesh began to stop. */
    static Map<String, Long> sizes(Path logDir) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Path log : logs(logDir)) {
            try {
                sizes.put(log.getFileName().toString(), Files.size(log));
            } catch (Exception e) {
                // gone: counts as empty
            }
        }
        return sizes;
    }

    /** {@code sizesAtStop}: {@link #sizes} taken just before the bench began to stop the mesh. */
    static String of(Path logDir, Map<String, Long> sizesAtStop) {
        Map<String, Tally> running = new LinkedHashMap<>();
        Map<String, Tally> stopping = new LinkedHashMap<>();
        for (Path log : logs(logDir)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(log);
            } catch (Exception e) {
                continue;
            }
            String name = log.getFileName().toString();
            int split = (int) Math.min(bytes.length, sizesAtStop.getOrDefault(name, 0L));
            tally(new String(bytes, 0, split, StandardCharsets.UTF_8), name, running);
            tally(new String(bytes, split, bytes.length - split, StandardCharsets.UTF_8), name, stopping);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Warnings and errors in the mesh's logs (`bench/mesh/target/mesh/logs/`; start-up validation "
                + "notices left out), while it started and was measured:\n\n");
        append(sb, running, 5);
        sb.append("\n… and while it stopped (services first, then sidecars, Kafka, PostgreSQL):\n\n");
        append(sb, stopping, 3);
        return sb.toString();
    }

    private static List<Path> logs(Path logDir) {
        if (!Files.isDirectory(logDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(logDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static void tally(String text, String name, Map<String, Tally> into) {
        for (String line : text.split("\n")) {
            String level;
            String message;
            Matcher q = QUARKUS.matcher(line);
            Matcher j = JUL.matcher(line);
            if (q.matches()) {
                level = q.group(1);
                message = "[" + q.group(2) + "] " + q.group(3);
            } else if (j.matches()) {
                level = j.group(1).startsWith("WARN") ? "WARN" : "ERROR";
                message = j.group(2);
            } else {
                continue;
            }
            if (IGNORED.stream().anyMatch(message::contains)) {
                continue;
            }
            Tally tally = into.computeIfAbsent(name, k -> new Tally());
            if (level.equals("ERROR")) {
                tally.error++;
            } else {
                tally.warn++;
            }
            // group messages that differ only in ids and numbers
            String key = level + " " + shorten(message.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>")
                    .replaceAll("\\d+", "N"));
            tally.messages.merge(key, 1, Integer::sum);
        }
    }

    private static void append(StringBuilder sb, Map<String, Tally> tallies, int top) {
        if (tallies.isEmpty()) {
            sb.append("- none\n");
            return;
        }
        tallies.forEach((log, t) -> {
            sb.append(String.format(Locale.ROOT, "- `%s`: %d error%s, %d warning%s%n", log, t.error,
                    t.error == 1 ? "" : "s", t.warn, t.warn == 1 ? "" : "s"));
            List<Map.Entry<String, Integer>> sorted = new ArrayList<>(t.messages.entrySet());
            sorted.sort((a, b) -> b.getValue() - a.getValue());
            for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(top, sorted.size()))) {
                sb.append(String.format(Locale.ROOT, "  - %d × `%s`%n", e.getValue(), e.getKey().replace('`', '\'')));
            }
        });
    }

    private static String shorten(String s) {
        return s.length() > 220 ? s.substring(0, 220) + "…" : s;
    }
}
