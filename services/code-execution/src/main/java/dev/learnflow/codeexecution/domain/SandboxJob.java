package dev.learnflow.codeexecution.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What one sandbox start does: run {@code code} once with {@code stdin}, or (when there are cases) once per case,
 * each in a fresh child process. The job reaches the sandbox on stdin only: nothing is written to the host's
 * file system.
 */
public record SandboxJob(String code, String stdin, List<Case> cases, SandboxLimits limits) {

    /** A program run of a test: either feed {@code input} as stdin, or evaluate {@code input} as a call. */
    public record Case(Kind kind, String input) {
        public Case {
            Objects.requireNonNull(kind);
            input = input == null ? "" : input;
        }
    }

    public enum Kind { IO, CALL }

    public SandboxJob {
        Objects.requireNonNull(code);
        stdin = stdin == null ? "" : stdin;
        cases = cases == null ? List.of() : List.copyOf(cases);
        Objects.requireNonNull(limits);
    }

    public static SandboxJob run(String code, String stdin, SandboxLimits limits) {
        return new SandboxJob(code, stdin, List.of(), limits);
    }

    /** Number of programs the supervisor will report on. */
    public int programCount() {
        return cases.isEmpty() ? 1 : cases.size();
    }

    /** The bytes written to the supervisor's stdin (see supervisor.py for the format). */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(code.length() + stdin.length() + 256);
        out.writeBytes(new byte[] {'L', 'F', 'S', '1'});
        field(out, 'L', limits.encode().getBytes(StandardCharsets.US_ASCII));
        field(out, 'c', code.getBytes(StandardCharsets.UTF_8));
        field(out, 'i', stdin.getBytes(StandardCharsets.UTF_8));
        for (Case c : cases) {
            field(out, c.kind() == Kind.IO ? 'T' : 'X', c.input().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, char tag, byte[] value) {
        out.write(tag);
        out.write(value.length >>> 24);
        out.write(value.length >>> 16);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
    }
}
