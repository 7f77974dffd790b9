package dev.learnflow.debug.service;

import dev.learnflow.debug.domain.ParsedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what students paste: full tracebacks (also chained ones, where the last exception is what ended the
 * program), SyntaxError blocks with their caret line, and bare lines such as {@code NameError: name 'x' is not
 * defined}. Pure text processing, so it is the same whether the error came from the student or from a sandbox run.
 */
public final class TracebackParser {

    private static final Pattern FRAME = Pattern.compile(
            "^\\s*File \"(?<file>[^\"]+)\", line (?<line>\\d+)(?:, in (?<func>.+?))?\\s*$");
    private static final Pattern CARET = Pattern.compile("^(?<indent>\\s*)[~^]*\\^[~^]*\\s*$");
    /** A dotted class name, a colon and the message; or the class name alone (e.g. {@code KeyboardInterrupt}). */
    private static final Pattern EXCEPTION = Pattern.compile(
            "^(?<type>[A-Za-z_][\\w]*(?:\\.[A-Za-z_]\\w*)*)(?::\\s?(?<message>.*))?$");
    private static final Pattern EXCEPTION_NAME = Pattern.compile(
            ".*(?:Error|Exception|Warning|Interrupt|Exit|Iteration|StopAsyncIteration)$");
    /** Library code: the error is reported where the student's own code called into it. */
    private static final Pattern LIBRARY_FILE = Pattern.compile(
            "^(?:<frozen .*>|.*/lib/python\\d[^/]*/.*|.*site-packages/.*|.*\\\\Lib\\\\.*)$");

    private TracebackParser() {
    }

    /** The error the text describes, or empty when it contains no recognisable Python error. */
    public static Optional<ParsedError> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        int exceptionAt = -1;
        Matcher exception = null;
        // Python prints the exception line unindented; pasted text may be indented as a whole, so try both.
        for (boolean strict : new boolean[] {true, false}) {
            for (int i = lines.length - 1; i >= 0 && exception == null; i--) {
                Matcher m = EXCEPTION.matcher(lines[i].strip());
                if (m.matches() && isExceptionName(m.group("type"))
                        && (!strict || !Character.isWhitespace(lines[i].isEmpty() ? 'x' : lines[i].charAt(0)))) {
                    exceptionAt = i;
                    exception = m;
                }
            }
        }
        if (exception == null) {
            return Optional.empty();
        }
        String fullType = exception.group("type");
        String type = fullType.substring(fullType.lastIndexOf('.') + 1);
        String message = Optional.ofNullable(exception.group("message")).orElse("").strip();

        List<ParsedError.Frame> frames = new ArrayList<>();
        Integer caretColumn = null;
        int start = blockStart(lines, exceptionAt);
        for (int i = start; i < exceptionAt; i++) {
            Matcher frame = FRAME.matcher(lines[i]);
            if (!frame.matches()) {
                continue;
            }
            String code = null;
            caretColumn = null;
            int next = i + 1;
            if (next < exceptionAt && !FRAME.matcher(lines[next]).matches() && !isCaret(lines[next])) {
                code = lines[next];
                if (next + 1 < exceptionAt && isCaret(lines[next + 1])) {
                    caretColumn = caretColumn(code, lines[next + 1]);
                }
            }
            frames.add(new ParsedError.Frame(frame.group("file"), Integer.parseInt(frame.group("line")),
                    frame.group("func"), code == null ? null : code.strip()));
        }
        ParsedError.Frame own = ownFrame(frames);
        Integer line = own == null ? lineFromMessage(message) : Integer.valueOf(own.line());
        Integer column = own == frames.stream().reduce((a, b) -> b).orElse(null) ? caretColumn : null;
        return Optional.of(new ParsedError(type, message, line, column, own == null ? null : own.code(), frames));
    }

    /** The traceback this exception line belongs to: chained tracebacks before it are earlier exceptions. */
    private static int blockStart(String[] lines, int exceptionAt) {
        for (int i = exceptionAt - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.startsWith("Traceback (most recent call last)")) {
                return i;
            }
            if (line.startsWith("During handling of the above exception")
                    || line.startsWith("The above exception was the direct cause")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static ParsedError.Frame ownFrame(List<ParsedError.Frame> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (!LIBRARY_FILE.matcher(frames.get(i).file()).matches()) {
                return frames.get(i);
            }
        }
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /** Python 3.12 says "(detected at line 4)" for unterminated strings even without a frame. */
    private static Integer lineFromMessage(String message) {
        Matcher m = Pattern.compile("\\(detected at line (\\d+)\\)|on line (\\d+)").matcher(message);
        if (m.find()) {
            return Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return null;
    }

    private static boolean isCaret(String line) {
        return CARET.matcher(line).matches();
    }

    /** Python prints the stripped code line indented by 4 and aligns the caret with it; column is 1-based. */
    private static int caretColumn(String codeLine, String caretLine) {
        int codeIndent = codeLine.length() - codeLine.stripLeading().length();
        int caretAt = caretLine.indexOf('^');
        int tildeAt = caretLine.indexOf('~');
        int first = tildeAt >= 0 && tildeAt < caretAt ? tildeAt : caretAt;
        return Math.max(1, first - codeIndent + 1);
    }

    static boolean isExceptionName(String dottedName) {
        String simple = dottedName.substring(dottedName.lastIndexOf('.') + 1);
        if (simple.isEmpty() || !Character.isUpperCase(simple.charAt(0))) {
            return false;
        }
        return EXCEPTION_NAME.matcher(simple).matches()
                || simple.toLowerCase(Locale.ROOT).equals("keyboardinterrupt");
    }
}
