package dev.learnflow.concepts.service;

import dev.learnflow.contracts.answers.ExampleTrace;
import dev.learnflow.contracts.answers.StudentCodeRun;

import java.util.List;

/**
 * What the student's own code did when run step by step, said beside the explanation: its output and how it ended,
 * the way Python Tutor shows a run. Only what Python did, never a fix: the explanation says why.
 */
public final class YourCodeText {

    /** Output lines quoted; the trace below holds the rest. */
    static final int OUTPUT_LINES = 12;
    /** Characters of one quoted output line. */
    static final int LINE_CHARS = 120;

    private YourCodeText() {
    }

    /** The answer's text with the run of the student's code after it; the text alone when there was no code. */
    public static String after(String text, StudentCodeRun run) {
        return run == null ? text : text + "\n\n" + run(run);
    }

    /**
     * The run of the student's code before the answer's text: when what the code gives is the question ("what is
     * the output of ..."), that comes first and the explanation says why.
     */
    public static String before(String text, StudentCodeRun run) {
        return run == null ? text : run(run) + "\n\n" + text;
    }

    private static String run(StudentCodeRun run) {
        ExampleTrace trace = run.trace();
        if (trace == null) {
            return "**Your code** could not be run step by step just now; the explanation still applies to it.";
        }
        StringBuilder said = new StringBuilder("**Your code**, run step by step (see the trace): ");
        List<String> output = trace.stdout().stripTrailing().lines().toList();
        boolean printed = !trace.stdout().isBlank();
        if (!printed) {
            said.append(trace.error() == null ? "it prints nothing." : "it prints nothing");
        } else {
            said.append("it prints\n\n");
            output.stream().limit(OUTPUT_LINES).forEach(l -> said.append("> ").append(clip(l)).append('\n'));
            if (output.size() > OUTPUT_LINES) {
                said.append("> … (").append(output.size() - OUTPUT_LINES).append(" more lines)\n");
            }
        }
        if (trace.error() != null) {
            said.append(printed ? "\nand" : " and")
                    .append(" stops with `").append(trace.error().type()).append(": ")
                    .append(clip(trace.error().message())).append('`').append(whyItStopped(trace.error().type()));
        }
        if (trace.truncated()) {
            said.append("\n\nThe trace stops after its first ").append(trace.steps().size())
                    .append(" steps; the code may go on longer.");
        }
        return said.toString().strip();
    }

    /** A run of a fragment lacks what the rest of the program gives it: said so, not taken for the student's bug. */
    private static String whyItStopped(String errorType) {
        return switch (errorType) {
            case "NameError" -> " (run on its own, it lacks names the rest of your program may define).";
            case "EOFError" -> " (it waits for input(), which this run cannot type).";
            case "SyntaxError", "IndentationError" -> " (Python could not read it, so nothing ran).";
            default -> ".";
        };
    }

    private static String clip(String line) {
        return line.length() <= LINE_CHARS ? line : line.substring(0, LINE_CHARS - 1) + "…";
    }
}
