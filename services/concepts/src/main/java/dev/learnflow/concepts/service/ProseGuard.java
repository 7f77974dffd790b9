package dev.learnflow.concepts.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the LLM may add to a concept answer is prose: the runnable example always comes from the knowledge base, so
 * any code the model writes (a block, a run of code lines, long inline code) is cut before the student sees it.
 * That keeps a "write the whole exercise for me" reply from ever reaching them.
 */
public final class ProseGuard {

    private static final Pattern FENCED = Pattern.compile("```.*?(```|\\z)", Pattern.DOTALL);
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(?:def |class |for .+:\\s*$|while .+:\\s*$|if .+:\\s*$|elif .+:\\s*$|else:\\s*$|try:\\s*$"
                    + "|except\\b.*:\\s*$|return\\b|import |from \\S+ import |print\\(|>>> "
                    + "|[A-Za-z_][\\w.\\[\\]'\"]*\\s*(?:[-+*/]?=)\\s*\\S)");
    private static final Pattern LONG_INLINE = Pattern.compile("`[^`\\n]{41,}`");

    private ProseGuard() {
    }

    public record Guarded(String text, boolean trimmed) {
    }

    public static Guarded guard(String text) {
        if (text == null) {
            return new Guarded("", false);
        }
        String withoutBlocks = FENCED.matcher(text).replaceAll("");
        boolean trimmed = !withoutBlocks.equals(text);
        List<String> kept = new ArrayList<>();
        for (String line : withoutBlocks.split("\n", -1)) {
            if (CODE_LINE.matcher(line).find() || line.startsWith("    ") && !line.isBlank() || line.startsWith("\t")) {
                trimmed = true;
            } else {
                kept.add(line);
            }
        }
        String joined = String.join("\n", kept);
        String shortened = LONG_INLINE.matcher(joined).replaceAll("(code removed)");
        trimmed |= !shortened.equals(joined);
        return new Guarded(shortened.replaceAll("\n{3,}", "\n\n").strip(), trimmed);
    }
}
