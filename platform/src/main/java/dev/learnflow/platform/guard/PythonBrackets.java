package dev.learnflow.platform.guard;

/**
 * Reads a line of Python one character at a time and knows whether it stands inside a string literal and how deep
 * in brackets, so callers can find the line's own punctuation: the {@code ;} between statements, the colon that
 * ends a block header, the bracket that closes a call. A quote escaped with a backslash does not end its string;
 * a stray closing bracket does not take the depth below zero.
 */
public final class PythonBrackets {

    private char quote;
    private char previous;
    private int depth;

    /**
     * Takes in the next character; true when it is code outside any string literal (a quote that opens or closes a
     * string is not). Brackets count as code: an opening one raises the depth, a closing one lowers it.
     */
    public boolean next(char c) {
        char before = previous;
        previous = c;
        if (quote != 0) {
            if (c == quote && before != '\\') {
                quote = 0;
            }
            return false;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            return false;
        }
        if ("([{".indexOf(c) >= 0) {
            depth++;
        } else if (")]}".indexOf(c) >= 0) {
            depth = Math.max(0, depth - 1);
        }
        return true;
    }

    /** Bracket depth after the last character taken in. */
    public int depth() {
        return depth;
    }

    /** True for {@code )}, {@code ]} and {@code }}. */
    public static boolean isClosing(char c) {
        return ")]}".indexOf(c) >= 0;
    }
}
