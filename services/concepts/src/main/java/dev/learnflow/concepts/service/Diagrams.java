package dev.learnflow.concepts.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mermaid diagrams computed from an execution trace, so they show what the example really did: {@code flow} draws
 * the executed lines and the jumps between them (loops and branches, with how often each jump was taken);
 * {@code references} draws the names of the final state and the objects they point to, so two names sharing one
 * list or dict (aliasing) are visible at a glance.
 */
public final class Diagrams {

    private static final int LABEL_MAX = 40;

    private Diagrams() {
    }

    public static String of(String kind, JsonNode trace, String example) {
        if (trace == null || !trace.path("steps").isArray() || trace.path("steps").isEmpty()) {
            return null;
        }
        return switch (kind) {
            case "flow" -> flow(trace.path("steps"), example);
            case "references" -> references(trace.path("steps"));
            default -> null;
        };
    }

    static String flow(JsonNode steps, String example) {
        String[] lines = example.split("\n", -1);
        List<Integer> executed = new ArrayList<>();
        for (JsonNode step : steps) {
            if ("line".equals(step.path("event").asText())) {
                executed.add(step.path("line").asInt());
            }
        }
        if (executed.isEmpty()) {
            return null;
        }
        Set<Integer> nodes = new java.util.TreeSet<>(executed);
        Map<String, Integer> edges = new LinkedHashMap<>();
        for (int i = 1; i < executed.size(); i++) {
            edges.merge("L" + executed.get(i - 1) + " --> L" + executed.get(i), 1, Integer::sum);
        }
        StringBuilder mermaid = new StringBuilder("flowchart TD\n");
        for (int line : nodes) {
            String code = line - 1 < lines.length ? lines[line - 1].strip() : "";
            mermaid.append("    L").append(line).append("[\"").append(line).append(": ").append(label(code))
                    .append("\"]\n");
        }
        edges.forEach((edge, count) -> {
            String[] ends = edge.split(" --> ");
            mermaid.append("    ").append(ends[0]).append(count > 1 ? " -->|" + count + "x| " : " --> ")
                    .append(ends[1]).append('\n');
        });
        return mermaid.toString().stripTrailing();
    }

    static String references(JsonNode steps) {
        JsonNode last = steps.get(steps.size() - 1);
        JsonNode frames = last.path("frames");
        if (!frames.isArray() || frames.isEmpty()) {
            return null;
        }
        JsonNode variables = frames.get(0).path("variables");
        StringBuilder mermaid = new StringBuilder("flowchart LR\n");
        Set<String> objects = new LinkedHashSet<>();
        List<String> arrows = new ArrayList<>();
        boolean any = false;
        var names = variables.fields();
        while (names.hasNext()) {
            var entry = names.next();
            JsonNode value = entry.getValue();
            String type = value.path("type").asText();
            if (type.equals("function") || type.equals("class")) {
                continue;
            }
            String id = "n_" + entry.getKey().replaceAll("\\W", "_");
            any = true;
            if (value.has("ref")) {
                String ref = value.path("ref").asText();
                mermaid.append("    ").append(id).append("([\"").append(label(entry.getKey())).append("\"])\n");
                if (objects.add(ref)) {
                    mermaid.append("    ").append(ref).append("[\"").append(label(type + " " + value.path("value")
                            .asText())).append("\"]\n");
                }
                arrows.add("    " + id + " --> " + ref);
            } else {
                mermaid.append("    ").append(id).append("([\"").append(label(entry.getKey() + " = "
                        + value.path("value").asText())).append("\"])\n");
            }
        }
        if (!any) {
            return null;
        }
        arrows.forEach(a -> mermaid.append(a).append('\n'));
        return mermaid.toString().stripTrailing();
    }

    /** Mermaid labels in quotes may not contain quotes; brackets and braces are fine inside them. */
    private static String label(String text) {
        String cut = text.length() > LABEL_MAX ? text.substring(0, LABEL_MAX - 3) + "..." : text;
        return cut.replace("\"", "#quot;").replace("`", "'");
    }
}
