package dev.learnflow.codeexecution.domain;

import java.util.List;
import java.util.Set;

/**
 * Everything one sandbox start produced.
 *
 * @param started        the supervisor came up inside the sandbox (bwrap worked)
 * @param pythonVersion  as the supervisor reported it
 * @param programs       one per program, in order; programs the supervisor never reported on are missing
 * @param failure        why the sandbox failed, for logs (bwrap's or the supervisor's message), or null
 * @param hostKilled     the host had to kill the sandbox (its own backstop deadline, or a protocol violation)
 * @param hostUids       only when asked for (self-test): real uids of the sandbox's processes as the host sees
 *                       them once the supervisor is up
 */
public record SandboxRun(boolean started, String pythonVersion, List<ProgramResult> programs, String failure,
                         boolean hostKilled, long hostWallMs, Set<Integer> hostUids) {

    public SandboxRun {
        programs = List.copyOf(programs);
        hostUids = hostUids == null ? Set.of() : Set.copyOf(hostUids);
    }
}
