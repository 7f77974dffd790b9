package dev.learnflow.debug.domain;

import java.util.List;

/**
 * A Python error as read from a traceback or a bare error line.
 *
 * @param type      the exception's class name without its module, e.g. {@code NameError}, {@code JSONDecodeError}
 * @param message   the text after the colon, may be empty
 * @param line      the line in the student's own file (the last frame that is not library code); null if unknown
 * @param column    1-based column of the caret under the failing code (SyntaxError and 3.11+ tracebacks); or null
 * @param codeLine  the source line Python printed for that frame, stripped; null if none was printed
 * @param frames    every frame, outermost first
 */
public record ParsedError(
        String type,
        String message,
        Integer line,
        Integer column,
        String codeLine,
        List<Frame> frames) {

    public ParsedError {
        message = message == null ? "" : message;
        frames = frames == null ? List.of() : List.copyOf(frames);
    }

    /** One {@code File "...", line N, in f} entry of a traceback. */
    public record Frame(String file, int line, String function, String code) {
    }

    /** The function the error happened in, when the traceback names one other than the module level. */
    public String function() {
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame frame = frames.get(i);
            if (line != null && frame.line() == line) {
                String function = frame.function();
                return function == null || function.equals("<module>") ? null : function;
            }
        }
        return null;
    }

    public boolean isSyntaxError() {
        return type.equals("SyntaxError") || type.equals("IndentationError") || type.equals("TabError");
    }
}
