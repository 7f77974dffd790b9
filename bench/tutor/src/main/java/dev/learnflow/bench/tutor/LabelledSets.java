package dev.learnflow.bench.tutor;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The labelled sets in {@code bench/tutor/data} (built and checked by the scripts in {@code data/src}). */
final class LabelledSets {

    /** A stated test case: a call with the expected repr, or stdin with the expected output. */
    record Case(String call, String stdin, String expected, boolean fails) {
    }

    /**
     * A wrong program. {@code fixedOnlyLines} are the lines of the kept fixed variant that are not in the buggy
     * program (stripped): any of them in a hint is a leaked fix. The fixed variant itself is never sent.
     */
    record Program(String id, String category, String how, String code, List<Integer> bugLines, String question,
                   String error, String outcome, List<Case> cases, List<String> fixedOnlyLines) {

        List<Case> failingCases() {
            return cases.stream().filter(Case::fails).toList();
        }
    }

    /** A student question; {@code expect} is answer, clarify, abstain or decline. */
    record Question(String id, String intent, String topic, boolean answerable, String expect, String question,
                    String code) {
    }

    private LabelledSets() {
    }

    static List<Program> programs(Path file) throws IOException {
        JsonNode root = Student.JSON.readTree(file.toFile());
        List<Program> out = new ArrayList<>();
        for (JsonNode p : root.path("programs")) {
            List<Integer> lines = new ArrayList<>();
            p.path("bugLines").forEach(n -> lines.add(n.asInt()));
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : p.path("cases")) {
                cases.add(new Case(text(c, "call"), text(c, "stdin"), text(c, "expected"), c.path("fails").asBoolean()));
            }
            List<String> fixedOnly = new ArrayList<>();
            p.path("fixedOnlyLines").forEach(n -> fixedOnly.add(n.asText()));
            out.add(new Program(p.path("id").asText(), p.path("category").asText(), p.path("how").asText(),
                    p.path("code").asText(), List.copyOf(lines), text(p, "question"), text(p, "error"),
                    text(p, "outcome"), List.copyOf(cases), List.copyOf(fixedOnly)));
        }
        return out;
    }

    static List<Question> questions(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        List<Question> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < f.length ? unescape(f[i]) : "");
            }
            out.add(new Question(row.get("id"), row.get("intent"), blankToNull(row.get("topic")),
                    "yes".equals(row.get("answerable")), row.get("expect"), row.get("question"),
                    blankToNull(row.get("code"))));
        }
        return out;
    }

    /** Topic → the words of which one must appear in the answer's lesson/topic/citation. */
    static Map<String, List<String>> topicWords(Path file) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Student.JSON.readTree(file.toFile()).path("topics").fields().forEachRemaining(e -> {
            List<String> words = new ArrayList<>();
            e.getValue().forEach(w -> words.add(w.asText()));
            out.put(e.getKey(), List.copyOf(words));
        });
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The TSV's escapes: \n, \t and \\. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
