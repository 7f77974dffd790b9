package dev.learnflow.debug.service;

import dev.learnflow.platform.guard.EditDistance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the hints may say about the student's own code: the text of a line and the names it defines. Only used to
 * point at things ("you define {@code total} on line 2"), never to rewrite the program.
 */
public final class CodeFacts {

    private static final Pattern ASSIGNED = Pattern.compile(
            "^\\s*(?:for\\s+(?<loop>[A-Za-z_][\\w\\s,]*)\\s+in\\b|def\\s+(?<def>[A-Za-z_]\\w*)\\s*\\((?<params>[^)]*)\\)"
                    + "|class\\s+(?<cls>[A-Za-z_]\\w*)|import\\s+(?<imp>[\\w.]+)(?:\\s+as\\s+(?<alias>\\w+))?"
                    + "|from\\s+[\\w.]+\\s+import\\s+(?<names>[\\w\\s,]+)"
                    + "|(?<targets>[A-Za-z_][\\w\\s,]*?)\\s*(?:[-+*/%]|//|\\*\\*)?=(?!=))");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");

    private final List<String> lines;
    private final Set<String> definedNames = new LinkedHashSet<>();

    public CodeFacts(String code) {
        this.lines = code == null ? List.of() : List.of(code.replace("\r\n", "\n").split("\n", -1));
        for (String line : lines) {
            Matcher m = ASSIGNED.matcher(line);
            if (!m.find()) {
                continue;
            }
            for (String group : new String[] {"loop", "def", "params", "cls", "imp", "alias", "names", "targets"}) {
                String value = m.group(group);
                if (value == null) {
                    continue;
                }
                Matcher name = NAME.matcher(value.replaceAll("=[^,]*", "").replaceAll(":[^,]*", ""));
                while (name.find()) {
                    if (!name.group().equals("as")) {
                        definedNames.add(name.group());
                    }
                }
            }
        }
    }

    /** The code as sent. */
    public String text() {
        return String.join("\n", lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty() || lines.stream().allMatch(String::isBlank);
    }

    /** The 1-based line, as written (indentation kept). */
    public Optional<String> line(Integer number) {
        if (number == null || number < 1 || number > lines.size()) {
            return Optional.empty();
        }
        return Optional.of(lines.get(number - 1));
    }

    public int indentation(Integer number) {
        return line(number).map(CodeFacts::indentOf).orElse(0);
    }

    /** How far a line is indented: the whitespace before its first character. */
    static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** The first line (1-based) on which the name is given a value, if any. */
    public Optional<Integer> definitionLine(String name) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ASSIGNED.matcher(lines.get(i));
            if (m.find() && word.matcher(m.group()).find()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    public boolean defines(String name) {
        return definedNames.contains(name);
    }

    /** A defined name one or two edits away (a typo), preferring the closest. */
    public Optional<String> similarDefinedName(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : definedNames) {
            if (candidate.equals(name)) {
                continue;
            }
            int distance = EditDistance.between(candidate.toLowerCase(), name.toLowerCase());
            int allowed = name.length() <= 3 ? 1 : 2;
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    public int lineCount() {
        return lines.size();
    }
}
