package dev.learnflow.codeexecution.service;

/**
 * Compares a program's stdout with the expected output the way the test-case contract says: line endings
 * normalised, trailing whitespace stripped per line, trailing blank lines ignored.
 */
public final class OutputComparison {

    private OutputComparison() {
    }

    public static boolean same(String expected, String actual) {
        return normalise(expected).equals(normalise(actual));
    }

    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String[] lines = s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(line.stripTrailing()).append('\n');
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == '\n') {
            end--;
        }
        return b.substring(0, end);
    }

    /** A short human explanation of the first differing line. */
    public static String firstDifference(String expected, String actual) {
        String[] e = normalise(expected).split("\n", -1);
        String[] a = normalise(actual).split("\n", -1);
        if (normalise(actual).isEmpty() && !normalise(expected).isEmpty()) {
            return "printed nothing, expected " + quote(e[0]) + (e.length > 1 ? " (and more)" : "");
        }
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String want = i < e.length ? e[i] : null;
            String got = i < a.length ? a[i] : null;
            if (want == null) {
                return "line " + (i + 1) + ": unexpected extra output " + quote(got);
            }
            if (got == null) {
                return "line " + (i + 1) + ": missing, expected " + quote(want);
            }
            if (!want.equals(got)) {
                return "line " + (i + 1) + ": expected " + quote(want) + ", got " + quote(got);
            }
        }
        return "output differs";
    }

    private static String quote(String s) {
        String shown = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return "'" + shown + "'";
    }
}
