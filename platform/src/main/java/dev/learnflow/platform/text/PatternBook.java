package dev.learnflow.platform.text;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions kept in a resource file, named by the constants of an enum: the students' wording a service
 * recognises ("should print", "my code keeps crashing") is data to read and extend, and the Java keeps the logic.
 *
 * <p>The file is a list of sections. {@code [name]} starts one; the lines under it are joined as they stand, with
 * nothing between them, so a long expression can be broken after any character that is not a space. Lines that
 * start with {@code #} are comments, blank lines are skipped. {@code {{other}}} inside a section stands for the
 * text of the section {@code other} written above it: a shared fragment. A section named after an enum constant
 * ({@code [own-program]} for {@code OWN_PROGRAM}) is compiled; the others are fragments. Every constant needs a
 * section and every fragment a use, so a typo fails at start-up, not as a silently unmatched message.
 */
public final class PatternBook<K extends Enum<K>> {

    private static final Pattern REFERENCE = Pattern.compile("\\{\\{([a-z0-9-]+)}}");

    private final Map<K, Pattern> patterns;
    private final Map<K, String> texts;

    private PatternBook(Map<K, Pattern> patterns, Map<K, String> texts) {
        this.patterns = patterns;
        this.texts = texts;
    }

    /** Reads {@code resource} through the class loader of {@code keys}; any fault in the file is thrown at once. */
    public static <K extends Enum<K>> PatternBook<K> load(String resource, Class<K> keys) {
        Sections sections = Sections.read(ClasspathText.read(keys, resource), resource);
        Map<K, Pattern> patterns = new EnumMap<>(keys);
        Map<K, String> texts = new EnumMap<>(keys);
        Set<String> used = new HashSet<>();
        for (K key : keys.getEnumConstants()) {
            String name = key.name().toLowerCase(Locale.ROOT).replace('_', '-');
            String text = sections.expanded().get(name);
            if (text == null) {
                throw new IllegalStateException(resource + " has no [" + name + "]");
            }
            used.add(name);
            texts.put(key, text);
            patterns.put(key, Pattern.compile(text));
        }
        for (String name : sections.expanded().keySet()) {
            if (!used.contains(name) && !sections.referenced().contains(name)) {
                throw new IllegalStateException(resource + ": [" + name + "] is neither a pattern nor used");
            }
        }
        return new PatternBook<>(patterns, texts);
    }

    public Pattern pattern(K key) {
        return patterns.get(key);
    }

    public Matcher matcher(K key, CharSequence text) {
        return patterns.get(key).matcher(text);
    }

    /** Whether the pattern occurs anywhere in {@code text}. */
    public boolean find(K key, CharSequence text) {
        return patterns.get(key).matcher(text).find();
    }

    /** The expression as text, to build a larger one from (say, around a name known only at run time). */
    public String text(K key) {
        return texts.get(key);
    }

    /** The sections in file order, each with its fragments filled in, and the names used as fragments. */
    private record Sections(Map<String, String> expanded, Set<String> referenced) {

        static Sections read(String file, String resource) {
            Map<String, StringBuilder> raw = new LinkedHashMap<>();
            StringBuilder current = null;
            for (String line : file.split("\r?\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    String name = line.substring(1, line.length() - 1);
                    current = new StringBuilder();
                    if (raw.put(name, current) != null) {
                        throw new IllegalStateException(resource + ": [" + name + "] twice");
                    }
                } else if (current == null) {
                    throw new IllegalStateException(resource + ": text before the first [section]");
                } else {
                    current.append(line);
                }
            }
            Sections sections = new Sections(new LinkedHashMap<>(), new HashSet<>());
            raw.forEach((name, text) -> sections.expanded.put(name, sections.expand(name, text, resource)));
            return sections;
        }

        private String expand(String name, CharSequence text, String resource) {
            Matcher ref = REFERENCE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (ref.find()) {
                String fragment = expanded.get(ref.group(1));
                if (fragment == null) {
                    throw new IllegalStateException(resource + ": [" + name + "] uses {{" + ref.group(1)
                            + "}}, which is not a section above it");
                }
                referenced.add(ref.group(1));
                ref.appendReplacement(out, Matcher.quoteReplacement(fragment));
            }
            ref.appendTail(out);
            return out.toString();
        }
    }
}
