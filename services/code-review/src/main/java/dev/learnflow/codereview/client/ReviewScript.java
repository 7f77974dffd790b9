package dev.learnflow.codereview.client;

import dev.learnflow.platform.clients.SandboxScript;

import java.util.Optional;

/**
 * The review script (resources {@code review/review.py}) as a sandbox program, and the student's code as its
 * stdin: platform's {@link SandboxScript} (compressed behind a bootstrap; the code plain when it fits the stdin
 * limit, compressed otherwise).
 */
public final class ReviewScript {

    static final String RESOURCE = "review/review.py";

    private static final SandboxScript SCRIPT = SandboxScript.load(ReviewScript.class, RESOURCE, false);

    private ReviewScript() {
    }

    /** The program to run in the sandbox. */
    public static String program() {
        return SCRIPT.program();
    }

    /** The script's own source (for tests and documentation). */
    public static String source() {
        return SandboxScript.source(ReviewScript.class, RESOURCE);
    }

    /** stdin for the script: a JSON header line and the code; empty when even compressed it is too long. */
    public static Optional<String> stdinFor(String code) {
        return SandboxScript.stdinFor(code);
    }
}
