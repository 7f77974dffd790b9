package dev.learnflow.codeexecution.service;

import dev.learnflow.contracts.domain.ExecutionError;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the exception that ended a run from Python's stderr: the last traceback's final line gives type and
 * message, its last frame in the student's file ({@code main.py}) gives the line. Handles chained exceptions
 * (the last one wins), SyntaxError (no "Traceback" header) and multi-line messages.
 */
public final class TracebackParser {

    /** The student's program is compiled under this name inside the sandbox. */
    public static final String STUDENT_FILE = "main.py";

    private static final Pattern FRAME = Pattern.compile("^ {2}File \"(.*)\", line (\\d+)(?:, in .*)?$");
    private static final Pattern EXCEPTION = Pattern.compile(
            "^([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)(?:: ?(.*))?$");
    private static final Pattern BARE_EXCEPTION = Pattern.compile(
            "^([A-Za-z_][A-Za-z0-9_.]*(?:Error|Exception|Exit|Interrupt|Warning|Iteration))(?:: ?(.*))?$");
    private static final int MESSAGE_MAX = 1_000;

    private TracebackParser() {
    }

    public static Optional<ExecutionError> parse(String stderr) {
        if (stderr == null || stderr.isBlank()) {
            return Optional.empty();
        }
        String[] lines = stderr.replace("\r\n", "\n").split("\n", -1);
        int lastFrame = -1;
        int lastHeader = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("Traceback (most recent call last):")) {
                lastHeader = i;
            } else if (FRAME.matcher(lines[i]).matches()) {
                lastFrame = i;
            }
        }
        if (lastFrame < 0) {
            return bare(lines);
        }
        Integer line = null;
        int from = lastHeader >= 0 && lastHeader < lastFrame ? lastHeader : lastFrame;
        for (int i = from; i <= lastFrame; i++) {
            Matcher m = FRAME.matcher(lines[i]);
            if (m.matches() && m.group(1).equals(STUDENT_FILE)) {
                line = Integer.valueOf(m.group(2));
            }
        }
        for (int i = lastFrame + 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty() || Character.isWhitespace(l.charAt(0))) {
                continue; // source line, caret markers
            }
            Matcher m = EXCEPTION.matcher(l);
            if (!m.matches()) {
                return Optional.empty();
            }
            StringBuilder message = new StringBuilder(m.group(2) == null ? "" : m.group(2));
            for (int j = i + 1; j < lines.length; j++) {
                if (j == lines.length - 1 && lines[j].isEmpty()) {
                    break;
                }
                message.append('\n').append(lines[j]);
            }
            return Optional.of(new ExecutionError(m.group(1), shorten(message.toString().strip()), line));
        }
        return Optional.empty();
    }

    /** No frame at all (e.g. a MemoryError printed without traceback): accept an obvious exception line. */
    private static Optional<ExecutionError> bare(String[] lines) {
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher m = BARE_EXCEPTION.matcher(lines[i]);
            return m.matches()
                    ? Optional.of(new ExecutionError(m.group(1), shorten(m.group(2) == null ? "" : m.group(2)), null))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private static String shorten(String s) {
        return s.length() <= MESSAGE_MAX ? s : s.substring(0, MESSAGE_MAX) + "...";
    }
}
