package dev.learnflow.debug.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps hints hints. Whatever wrote the text (the LLM, mostly), what reaches the student has no code block, no run
 * of code lines and no long inline code — so no corrected program, however the question was phrased.
 */
public final class HintGuard {

    private static final Pattern FENCED = Pattern.compile("```.*?(```|\\z)", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]*)`");
    /** A line that reads as Python rather than prose. */
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(?:def |class |for .+:\\s*$|while .+:\\s*$|if .+:\\s*$|elif .+:\\s*$|else:\\s*$|try:\\s*$"
                    + "|except\\b.*:\\s*$|return\\b|import |from \\S+ import |print\\(|[A-Za-z_][\\w.\\[\\]'\"]*\\s*"
                    + "(?:[-+*/]?=)\\s*\\S|[A-Za-z_][\\w.]*\\(.*\\)\\s*$)");
    static final int INLINE_MAX = 60;

    private HintGuard() {
    }

    public record Guarded(String text, boolean trimmed) {
    }

    public static Guarded guard(String text) {
        if (text == null) {
            return new Guarded("", false);
        }
        boolean trimmed = false;
        String withoutBlocks = FENCED.matcher(text).replaceAll("");
        trimmed |= !withoutBlocks.equals(text);
        List<String> kept = new ArrayList<>();
        for (String line : withoutBlocks.split("\n", -1)) {
            if (CODE_LINE.matcher(line).find() || line.startsWith("    ") && !line.isBlank()
                    || line.startsWith("\t")) {
                trimmed = true;
                continue;
            }
            kept.add(line);
        }
        String joined = String.join("\n", kept);
        Matcher inline = INLINE.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (inline.find()) {
            String code = inline.group(1);
            if (code.length() > INLINE_MAX || code.contains(";")) {
                trimmed = true;
                inline.appendReplacement(out, "(code removed)");
            } else {
                inline.appendReplacement(out, Matcher.quoteReplacement(inline.group()));
            }
        }
        inline.appendTail(out);
        return new Guarded(out.toString().replaceAll("\n{3,}", "\n\n").strip(), trimmed);
    }

    /** True when the text would pass the guard unchanged: what tests assert for every hint we send. */
    public static boolean isHintOnly(String text) {
        return !guard(text).trimmed();
    }
}
